import { Queue } from 'bullmq';
import type { RedisClient } from '@llmops/redis';
import { bullPrefix, platformCatalog } from '@llmops/contracts';
import { queueOfJobId } from '@llmops/queue';

/**
 * Whether a job id is still waiting or active, read through BullMQ (never its keys): the limits use it
 * to heal a slot whose release was missed (a worker killed between a job's end and its release).
 */
export function createJobLookup(redis: RedisClient, prefix: string) {
  const names = Object.keys(platformCatalog);
  const queues = new Map<string, Queue>();
  const queueFor = (name: string) => {
    let queue = queues.get(name);
    if (!queue)
      queues.set(name, (queue = new Queue(name, { connection: redis, prefix: bullPrefix(prefix, platformCatalog[name as keyof typeof platformCatalog]) })));
    return queue;
  };
  return {
    async isUnfinished(jobId: string): Promise<boolean> {
      const name = queueOfJobId(jobId, names);
      if (!name) return false;
      const state = await queueFor(name).getJobState(jobId);
      return state !== 'completed' && state !== 'failed' && state !== 'unknown';
    },
    async close(): Promise<void> {
      await Promise.allSettled([...queues.values()].map((queue) => queue.close()));
    },
  };
}
