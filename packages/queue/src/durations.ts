import type { RedisClient } from '@llmops/redis';
import { cancelledReason } from './job-view';
import type { PlatformKeys } from './keys';

/** Upper bounds, in seconds, of the job-duration histogram buckets. */
export const durationBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600] as const;

/** How a job attempt ended. A cancellation is its own outcome: the owner asked, nothing went wrong. */
export const attemptOutcomes = ['completed', 'failed', 'cancelled'] as const;
export type Outcome = (typeof attemptOutcomes)[number];

/** The outcome of an attempt that threw: `cancelled` when its owner cancelled the job, else `failed`. */
export function failureOutcome(failedReason: string | undefined): Extract<Outcome, 'failed' | 'cancelled'> {
  return failedReason === cancelledReason ? 'cancelled' : 'failed';
}

/**
 * Job durations kept as a Prometheus histogram in Redis, so every worker replica adds to the same
 * series and the API's /metrics reports the fleet, not one process.
 */
export class DurationHistogram {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: PlatformKeys,
  ) {}

  async record(queue: string, outcome: Outcome, seconds: number): Promise<void> {
    const bucket = durationBuckets.find((bound) => seconds <= bound);
    const pipeline = this.redis.multi().hincrby(this.keys.jobDurations(queue, outcome), bucket === undefined ? '+Inf' : String(bucket), 1);
    pipeline.hincrbyfloat(this.keys.jobDurations(queue, outcome), 'sum', seconds);
    await pipeline.exec();
  }

  /** Cumulative bucket counts, sum and count, as Prometheus expects them. */
  async read(queue: string, outcome: Outcome): Promise<{ buckets: [string, number][]; sum: number; count: number }> {
    const raw = await this.redis.hgetall(this.keys.jobDurations(queue, outcome));
    let running = 0;
    const buckets: [string, number][] = [];
    for (const bound of [...durationBuckets.map(String), '+Inf']) {
      running += Number(raw[bound] ?? 0);
      buckets.push([bound, running]);
    }
    return { buckets, sum: Number(raw.sum ?? 0), count: running };
  }
}
