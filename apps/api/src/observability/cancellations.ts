import type { QueueEvents } from 'bullmq';
import type { RedisClient } from '@llmops/redis';
import type { Logger } from '@llmops/logger';
import { cancelledReason, cancelRequested, type PlatformKeys } from '@llmops/queue';

export interface CancellationTrackerOptions {
  queueEvents: ReadonlyMap<string, QueueEvents>;
  redis: RedisClient;
  keys: PlatformKeys;
  /** How long BullMQ keeps a failed job (JOB_RETENTION_HOURS): older cancellations are forgotten. */
  retentionSeconds: number;
  logger: Logger;
}

export interface CancellationTracker {
  /** Jobs of `queue` that ended cancelled within the retention window (still in BullMQ's failed set). */
  count(queue: string): Promise<number>;
}

/**
 * BullMQ keeps a cancelled job in its failed set (the worker fails it with the cancellation reason; a
 * cancelled flow's parent fails through its parts), so its failed count mixes both. Every API replica
 * listens to the queues' `failed` events and notes the cancelled ones in a sorted set per queue
 * (ZADD NX: replicas hearing the same event count it once), scored by when, and trimmed to the
 * retention window BullMQ keeps failed jobs for.
 */
export function trackCancellations(options: CancellationTrackerOptions): CancellationTracker {
  const windowMs = options.retentionSeconds * 1000;
  const note = async (queue: string, jobId: string, failedReason: string) => {
    const cancelled = failedReason === cancelledReason || (await cancelRequested(options.redis, options.keys, jobId));
    if (!cancelled) return;
    const key = options.keys.cancelledJobs(queue);
    const now = Date.now();
    await options.redis
      .multi()
      .zadd(key, 'NX', now, jobId)
      .zremrangebyscore(key, '-inf', now - windowMs)
      .exec();
  };
  for (const [queue, events] of options.queueEvents) {
    events.on('failed', ({ jobId, failedReason }) => {
      note(queue, jobId, failedReason).catch((error: unknown) =>
        options.logger.warn({ jobId, queue, err: String(error) }, 'cancelled job not noted for metrics'),
      );
    });
  }
  return {
    async count(queue) {
      return options.redis.zcount(options.keys.cancelledJobs(queue), Date.now() - windowMs, '+inf');
    },
  };
}
