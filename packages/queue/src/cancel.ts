import type { Job } from 'bullmq';
import { z } from 'zod';
import { readJson } from '@llmops/contracts';
import type { RedisClient } from '@llmops/redis';
import type { PlatformKeys } from './keys';
import type { JobLifecycle } from './lifecycle';
import { lifecycleEvent } from './processor';
import type { ResultStore } from './results';

export type CancelOutcome = 'removed' | 'signalled' | 'already-finished';

/**
 * Cancels a job: a job that has not started is removed (a tombstone keeps it visible as cancelled);
 * an active one is told to stop through a key its worker checks and a pub/sub message that aborts
 * its handler's signal.
 */
export async function cancelJob(
  deps: { redis: RedisClient; keys: PlatformKeys; results: ResultStore; retentionSeconds: number; lifecycle?: JobLifecycle },
  job: Job,
): Promise<CancelOutcome> {
  const jobId = String(job.id);
  const state = await job.getState();
  if (state === 'completed' || state === 'failed') return 'already-finished';
  if (state === 'waiting-children') {
    // A fanned-out job: stop every part not yet done (a waiting part fails as cancelled when it starts,
    // a running one is aborted); the first part to fail fails the parent, shown as cancelled.
    const { unprocessed = [] } = await job.getDependencies({ unprocessed: { count: 10_000 } });
    const childIds = unprocessed.map((key) => key.slice(key.lastIndexOf(':') + 1));
    await signalCancel(deps, [jobId, ...childIds]);
    return 'signalled';
  }
  if (state !== 'active') {
    try {
      await job.remove();
      await deps.redis.set(
        deps.keys.cancelledTombstone(jobId),
        JSON.stringify({ tenant: (job.data as { tenant?: string }).tenant, type: job.name, cancelledAt: new Date().toISOString(), createdAt: job.timestamp }),
        'EX',
        deps.retentionSeconds,
      );
      await deps.results.delete(jobId);
      const tenant = (job.data as { tenant?: unknown }).tenant;
      // It never started, so no worker will end it: the cancelling process does.
      if (typeof tenant === 'string') await deps.lifecycle?.onEnd?.({ ...lifecycleEvent(job, job.name, tenant), outcome: 'cancelled' });
      return 'removed';
    } catch {
      // A worker took it between getState and remove: stop it as an active job.
    }
  }
  await signalCancel(deps, [jobId]);
  return 'signalled';
}

/**
 * Marks jobs as cancelled (checked when a job starts) and tells running ones to stop. The marks are
 * written first (each job's key lives in its own cluster slot), then the messages go out.
 */
async function signalCancel(deps: { redis: RedisClient; keys: PlatformKeys; retentionSeconds: number }, jobIds: readonly string[]): Promise<void> {
  await Promise.all(jobIds.map((id) => deps.redis.set(deps.keys.cancelRequest(id), '1', 'EX', deps.retentionSeconds)));
  await Promise.all(jobIds.map((id) => deps.redis.publish(deps.keys.cancelChannel, id)));
}

/** Whether cancellation was requested for a job (a cancelled flow's parent fails through its parts). */
export async function cancelRequested(redis: RedisClient, keys: PlatformKeys, jobId: string): Promise<boolean> {
  return (await redis.exists(keys.cancelRequest(jobId))) === 1;
}

/** What is left of a job cancelled before it started (the job itself is removed). */
export const Tombstone = z.object({ tenant: z.string(), type: z.string(), cancelledAt: z.string(), createdAt: z.number() });
export type Tombstone = z.infer<typeof Tombstone>;

export async function readTombstone(redis: RedisClient, keys: PlatformKeys, jobId: string): Promise<Tombstone | null> {
  const raw = await redis.get(keys.cancelledTombstone(jobId));
  return raw ? readJson(Tombstone, raw) : null;
}
