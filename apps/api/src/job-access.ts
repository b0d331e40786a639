import type { Job } from 'bullmq';
import { queueOfJobId, readTombstone, type JobView } from '@llmops/queue';
import type { ApiDeps } from './deps';
import { notFound } from './http/errors';

/**
 * The job with this id if the tenant owns it. Someone else's job is a 404, exactly like a missing
 * one, so ids cannot be probed across tenants.
 */
export async function findOwnedJob(deps: ApiDeps, tenant: string, jobId: string): Promise<Job> {
  const queue = queueOfJobId(jobId, deps.queues.names);
  if (!queue) throw notFound();
  const job = await deps.queues.get(queue).getJob(jobId);
  if (!job || (job.data as { tenant?: string }).tenant !== tenant) throw notFound();
  return job;
}

/** A job removed by cancellation before it started, still shown to its owner as cancelled. */
export async function findCancelledView(deps: ApiDeps, tenant: string, jobId: string): Promise<JobView | null> {
  if (!queueOfJobId(jobId, deps.queues.names)) return null;
  const tombstone = await readTombstone(deps.redis, deps.keys, jobId);
  if (!tombstone || tombstone.tenant !== tenant) return null;
  return {
    id: jobId,
    type: tombstone.type,
    state: 'cancelled',
    progress: 0,
    attempts: { made: 0, max: deps.catalog[tombstone.type]?.attempts ?? 1 },
    createdAt: new Date(tombstone.createdAt).toISOString(),
    startedAt: null,
    finishedAt: tombstone.cancelledAt,
    error: null,
    result: null,
  };
}
