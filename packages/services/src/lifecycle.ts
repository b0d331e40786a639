import type { Redis } from 'ioredis';
import { jobAllDataKeys, jobInputKeys } from '@llmops/contracts';
import type { JobLifecycle } from '@llmops/queue';
import type { PlatformServices } from './services';

/**
 * What the platform does when a job ends, the same in every process that can end one (a worker when
 * the job finishes, the API when it removes a waiting job on cancellation): a finished job's inputs
 * and plans are deleted at once (its results stay for their retention); a cancelled job leaves
 * nothing -- inputs, plans, results and its pseudonym vault scope are deleted.
 */
export function createJobLifecycle(deps: { redis: Redis; prefix: string; services?: Pick<PlatformServices, 'vault'> }): JobLifecycle {
  return {
    async onEnd(event) {
      const cancelled = event.outcome === 'cancelled';
      await deps.redis.del(...(cancelled ? jobAllDataKeys(deps.prefix, event.jobId) : jobInputKeys(deps.prefix, event.jobId)));
      if (cancelled) await deps.services?.vault.forget(event.jobId);
    },
  };
}
