import type { RedisClient } from '@llmops/redis';
import { jobAllDataKeys, jobInputKeys } from '@llmops/contracts';
import type { JobLifecycle } from '@llmops/queue';
import type { PlatformServices } from './services';

/**
 * What the platform does around jobs, the same in every process that can start or end one (a worker,
 * and the API when it removes a waiting job on cancellation):
 * - start: the tenant's limits learn the job left the queue (its waiting bytes, fair virtual time, the
 *   wait it had, on its first start only);
 * - end: its slot and unused budget reservation are given back; a finished job's inputs and plans are
 *   deleted at once (results stay for their retention); a cancelled job leaves nothing -- inputs,
 *   plans, results and its pseudonym vault scope are deleted.
 */
export function createJobLifecycle(deps: { redis: RedisClient; prefix: string; services?: Pick<PlatformServices, 'vault' | 'limits'> }): JobLifecycle {
  const limits = deps.services?.limits;
  return {
    async onStart(event) {
      // Only the first start ends the wait in the queue (retries, delays and step re-checks start it again).
      const waitedMs = event.firstStart ? Math.max(0, Date.now() - event.enqueuedAt) : undefined;
      await limits?.jobStarted({ tenant: event.tenant, queue: event.queue, jobId: event.jobId, priority: event.priority, waitedMs });
    },
    async onEnd(event) {
      const cancelled = event.outcome === 'cancelled';
      await Promise.all([
        limits?.jobEnded({ tenant: event.tenant, jobId: event.jobId }),
        deps.redis.del(...(cancelled ? jobAllDataKeys(deps.prefix, event.jobId) : jobInputKeys(deps.prefix, event.jobId))),
        cancelled ? deps.services?.vault.forget(event.jobId) : undefined,
      ]);
    },
    async onDrained(queue) {
      await limits?.fair.drained(queue);
    },
  };
}
