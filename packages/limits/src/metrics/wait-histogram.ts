import type { RedisClient } from '@llmops/redis';
import { limitsKeys } from '../keys';

/** Upper bounds, in seconds, of the queue-wait histogram buckets (submission to start). */
export const waitBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 21600] as const;

export interface WaitHistogram {
  /** Cumulative counts per upper bound (`+Inf` last), as Prometheus expects them. */
  buckets: [string, number][];
  sum: number;
  count: number;
}

/**
 * How long jobs waited between submission and start, per queue and tenant, as a Prometheus histogram
 * in Redis (one hash per queue, fields `<tenant>|<bound>` and `<tenant>|sum`): every worker replica
 * adds to the same series.
 */
export interface WaitTimes {
  record(queue: string, tenant: string, seconds: number): Promise<void>;
  read(queue: string, tenant: string): Promise<WaitHistogram>;
  /** Every tenant seen on a queue. */
  tenants(queue: string): Promise<string[]>;
}

export function createWaitTimes(redis: RedisClient, options: { keyPrefix: string }): WaitTimes {
  const keys = limitsKeys(options.keyPrefix);
  return {
    async record(queue, tenant, seconds) {
      const value = Math.max(0, seconds);
      const bucket = waitBuckets.find((bound) => value <= bound);
      await redis
        .multi()
        .hincrby(keys.waitHistogram(queue), `${tenant}|${bucket === undefined ? '+Inf' : String(bucket)}`, 1)
        .hincrbyfloat(keys.waitHistogram(queue), `${tenant}|sum`, value)
        .exec();
    },
    async read(queue, tenant) {
      const fields = [...waitBuckets.map(String), '+Inf', 'sum'];
      const values = await redis.hmget(keys.waitHistogram(queue), ...fields.map((f) => `${tenant}|${f}`));
      let running = 0;
      const buckets: [string, number][] = [];
      for (const [i, bound] of [...waitBuckets.map(String), '+Inf'].entries()) {
        running += Number(values[i] ?? 0);
        buckets.push([bound, running]);
      }
      return { buckets, sum: Number(values[fields.length - 1] ?? 0), count: running };
    },
    async tenants(queue) {
      const names = await redis.hkeys(keys.waitHistogram(queue));
      return [...new Set(names.map((f) => f.slice(0, f.lastIndexOf('|'))))].sort();
    },
  };
}

/**
 * The q-quantile (0 < q < 1) in seconds, interpolated linearly inside its bucket as Prometheus's
 * histogram_quantile does; undefined with no observations. Past the last finite bound: that bound.
 */
export function quantile(histogram: WaitHistogram, q: number): number | undefined {
  if (histogram.count === 0) return undefined;
  const rank = q * histogram.count;
  let lower = 0;
  let below = 0;
  for (const [bound, cumulative] of histogram.buckets) {
    if (bound === '+Inf') return lower;
    const upper = Number(bound);
    if (cumulative >= rank) {
      const inBucket = cumulative - below;
      return inBucket === 0 ? upper : lower + ((upper - lower) * (rank - below)) / inBucket;
    }
    lower = upper;
    below = cumulative;
  }
  return lower;
}
