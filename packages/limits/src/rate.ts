import type { RedisClient } from '@llmops/redis';
import { limitsKeys } from './keys';

/**
 * Token bucket: `tokens` refill at `perSecond` up to `burst`; a request takes `cost`. Time is Redis
 * `TIME`, so API replicas with skewed clocks share one bucket exactly. `cost` 0 only reads.
 * KEYS[1] bucket. ARGV: perSecond, burst, cost. Returns {allowed, retryAfterMs, floor(remaining)}.
 */
const TOKEN_BUCKET = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local b = redis.call('HMGET', KEYS[1], 'tokens', 'ms')
local tokens = tonumber(b[1]) or burst
local ms = tonumber(b[2]) or now
if now > ms then tokens = math.min(burst, tokens + (now - ms) * rate / 1000) end
local allowed = 0
local retry = 0
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
else
  retry = math.ceil((cost - tokens) * 1000 / rate)
end
if cost > 0 then
  redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ms', tostring(now))
  redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
end
return {allowed, retry, math.floor(tokens)}
`;

export interface RateDecision {
  allowed: boolean;
  /** When a refused request would fit (0 when allowed): the `Retry-After` to send. */
  retryAfterMs: number;
  /** The bucket size (`RateLimit-Limit`). */
  limit: number;
  /** Whole requests left right now (`RateLimit-Remaining`). */
  remaining: number;
}

export interface RateLimiter {
  /** Takes `cost` (default 1) from the tenant's bucket, or says when it would fit. */
  take(tenant: string, rate: { perSecond: number; burst: number }, cost?: number): Promise<RateDecision>;
  /** The bucket as it stands, without taking anything. */
  peek(tenant: string, rate: { perSecond: number; burst: number }): Promise<RateDecision>;
}

type RedisWithBucket = RedisClient & { limitsTokenBucket(key: string, ...args: (string | number)[]): Promise<[number, number, number]> };

/** A per-tenant request rate limiter shared by every replica using the same Redis and prefix. */
export function createRateLimiter(redis: RedisClient, options: { keyPrefix: string }): RateLimiter {
  const keys = limitsKeys(options.keyPrefix);
  const r = redis as RedisWithBucket;
  if (typeof r.limitsTokenBucket !== 'function') redis.defineCommand('limitsTokenBucket', { numberOfKeys: 1, lua: TOKEN_BUCKET });
  const run = async (tenant: string, rate: { perSecond: number; burst: number }, cost: number): Promise<RateDecision> => {
    if (cost > rate.burst) throw new RangeError(`a request costing ${cost} can never fit a bucket of ${rate.burst}`);
    const [allowed, retryAfterMs, remaining] = await r.limitsTokenBucket(keys.rate(tenant), String(rate.perSecond), rate.burst, cost);
    return { allowed: allowed === 1, retryAfterMs, limit: rate.burst, remaining };
  };
  return {
    take: (tenant, rate, cost = 1) => run(tenant, rate, cost),
    peek: (tenant, rate) => run(tenant, rate, 0),
  };
}
