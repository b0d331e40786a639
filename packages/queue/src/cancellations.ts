import type { Job } from 'bullmq';
import type { RedisClient } from '@llmops/redis';
import { cancelRequested } from './cancel';
import { cancelledReason } from './job-view';
import type { PlatformKeys } from './keys';

/**
 * BullMQ keeps a cancelled job in its failed set (its worker fails it with the cancellation reason; a
 * cancelled flow's parent fails through its parts), so the failed count mixes both. The worker that
 * fails a job notes the cancelled ones in a sorted set per queue, scored by when and trimmed to the
 * retention window BullMQ keeps failed jobs for; metrics count it. Noting happens where the job ends,
 * once, so no API replica has to read every queue's event stream to learn of it.
 */
export class CancelledJobs {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: PlatformKeys,
    /** How long BullMQ keeps a failed job (JOB_RETENTION_HOURS): older cancellations are forgotten. */
    private readonly retentionSeconds: number,
  ) {}

  /** Jobs of `queue` that ended cancelled within the retention window (still in BullMQ's failed set). */
  count(queue: string): Promise<number> {
    return this.redis.zcount(this.keys.cancelledJobs(queue), Date.now() - this.retentionSeconds * 1000, '+inf');
  }

  /**
   * A job of `queue` failed for good: noted if it was cancelled -- failed with the cancellation reason,
   * or failed after its cancellation was asked for (a flow's parent fails through its cancelled parts;
   * the worker sees that failure too). ZADD NX: a job noted twice counts once.
   */
  async noteFailed(queue: string, job: Job): Promise<void> {
    const jobId = String(job.id);
    if (job.failedReason === cancelledReason || (await cancelRequested(this.redis, this.keys, jobId))) await this.note(queue, jobId);
  }

  private async note(queue: string, jobId: string): Promise<void> {
    const key = this.keys.cancelledJobs(queue);
    const now = Date.now();
    await this.redis
      .multi()
      .zadd(key, 'NX', now, jobId)
      .zremrangebyscore(key, '-inf', now - this.retentionSeconds * 1000)
      .exec();
  }
}
