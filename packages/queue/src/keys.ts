import { jobDataKeys, jobTag, tenantTag } from '@llmops/contracts';

/**
 * Every Redis key the platform writes outside BullMQ's own, in one place. Keys of one job carry its
 * hash tag (`jobTag`), keys of one tenant the tenant's, so whatever is written together shares a Redis
 * Cluster slot.
 */
export function platformKeys(prefix: string) {
  return {
    prefix,
    results: (jobId: string) => jobDataKeys(prefix, jobId).results,
    resultOrder: (jobId: string) => jobDataKeys(prefix, jobId).resultOrder,
    tenantJobs: (tenant: string) => `${prefix}:tenant-jobs:${tenantTag(tenant)}`,
    cancelRequest: (jobId: string) => `${prefix}:cancel:${jobTag(jobId)}`,
    /** Who owns an Idempotency-Key (named by the job id the key derives, never by the key itself). */
    idempotencyClaim: (jobId: string) => `${prefix}:idem:${jobTag(jobId)}`,
    cancelChannel: `${prefix}:cancel`,
    cancelledTombstone: (jobId: string) => `${prefix}:cancelled:${jobTag(jobId)}`,
    workerHeartbeats: `${prefix}:workers`,
    jobDurations: (queue: string, outcome: 'completed' | 'failed' | 'cancelled') => `${prefix}:metrics:duration:${queue}:${outcome}`,
    /** Sorted set of a queue's jobs that ended cancelled (score: when), so /metrics can tell them from failures. */
    cancelledJobs: (queue: string) => `${prefix}:metrics:cancelled:${queue}`,
  };
}
export type PlatformKeys = ReturnType<typeof platformKeys>;
