import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../src/index';
import { cleanup, connect, testPrefix } from './helpers';

describe('per-tenant rate limit (token bucket in Redis)', () => {
  const prefix = testPrefix('rate');
  let replicaA: Redis;
  let replicaB: Redis;
  beforeAll(() => {
    replicaA = connect();
    replicaB = connect();
  });
  afterAll(async () => {
    await cleanup(prefix);
    replicaA.disconnect();
    replicaB.disconnect();
  });

  // One token per 1,000 s: nothing refills while the test runs.
  const slow = { perSecond: 0.001, burst: 5 };

  it('allows a burst, then refuses with the time until a request fits', async () => {
    const limiter = createRateLimiter(replicaA, { keyPrefix: prefix });
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await limiter.take('acme', slow));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([4, 3, 2, 1, 0, 0]);
    expect(results[5]).toMatchObject({ allowed: false, limit: 5 });
    // One token at 0.001/s takes 1,000 s to refill.
    expect(results[5]!.retryAfterMs).toBeGreaterThan(990_000);
    expect(results[5]!.retryAfterMs).toBeLessThanOrEqual(1_000_000);
    expect((await limiter.take('other-tenant', slow)).allowed).toBe(true);
  });

  it('two replicas on their own connections share one limit', async () => {
    const a = createRateLimiter(replicaA, { keyPrefix: prefix });
    const b = createRateLimiter(replicaB, { keyPrefix: prefix });
    const decisions = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).take('shared', slow)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    expect((await b.peek('shared', slow)).remaining).toBe(0);
  });

  it('refills at the configured rate', async () => {
    const limiter = createRateLimiter(replicaA, { keyPrefix: prefix });
    const fast = { perSecond: 1000, burst: 2 };
    await limiter.take('refill', fast);
    await limiter.take('refill', fast);
    const refused = await limiter.take('refill', fast);
    if (!refused.allowed) {
      // At 1,000/s a token is back within a few ms: wait for the state, not a fixed time.
      let decision = refused;
      while (!decision.allowed) decision = await limiter.take('refill', fast);
      expect(decision.allowed).toBe(true);
    }
    expect(refused.retryAfterMs).toBeLessThanOrEqual(1);
  });
});
