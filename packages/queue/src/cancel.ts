import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { PlatformKeys } from './keys';
import type { ResultStore } from './results';

export type CancelOutcome = 'removed' | 'signalled' | 'already-finished';

/**
 * Cancels a job: a job that has not started is removed (a tombstone keeps it visible as cancelled);
 * an active one is told to stop through a key its worker checks and a pub/sub message that aborts
 * its handler's signal.
 */
export async function cancelJob(
  deps: { redis: Redis; keys: PlatformKeys; results: ResultStore; retentionSeconds: number },
  job: Job,
): Promise<CancelOutcome> {
  const jobId = String(job.id);
  const state = await job.getState();
  if (state === 'completed' || state === 'failed') return 'already-finished';
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
      return 'removed';
    } catch {
      // A worker took it between getState and remove: stop it as an active job.
    }
  }
  await deps.redis.set(deps.keys.cancelRequest(jobId), '1', 'EX', deps.retentionSeconds);
  await deps.redis.publish(deps.keys.cancelChannel, jobId);
  return 'signalled';
}

export interface Tombstone {
  tenant: string;
  type: string;
  cancelledAt: string;
  createdAt: number;
}

export async function readTombstone(redis: Redis, keys: PlatformKeys, jobId: string): Promise<Tombstone | null> {
  const raw = await redis.get(keys.cancelledTombstone(jobId));
  return raw ? (JSON.parse(raw) as Tombstone) : null;
}
