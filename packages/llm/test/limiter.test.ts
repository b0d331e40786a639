import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter, FatalError, RateLimitedError } from '../src/index';
import { cleanup, connect, uniquePrefix } from './helpers';

describe('Redis rate limiter', () => {
  let redis: Redis;
  const prefix = uniquePrefix('limiter');
  beforeAll(() => {
    redis = connect();
  });
  afterAll(async () => {
    await cleanup(redis, prefix);
    redis.disconnect();
  });

  it('admits up to the token limit, then names a wait within the window', async () => {
    const limiter = createRateLimiter(redis, { keyPrefix: prefix, windowMs: 10_000 });
    const limits = { tpm: 1_000 };
    for (let i = 0; i < 4; i++) expect((await limiter.tryReserve('p:tpm', limits, 'a', 250)).ok).toBe(true);
    const denied = await limiter.tryReserve('p:tpm', limits, 'a', 1);
    expect(denied.ok).toBe(false);
    if (!denied.ok) {
      expect(denied.waitMs).toBeGreaterThan(0);
      expect(denied.waitMs).toBeLessThanOrEqual(10_000 + 500 + 1_000);
    }
  });

  it('releases unused tokens on reconcile so the next call fits', async () => {
    const limiter = createRateLimiter(redis, { keyPrefix: prefix, windowMs: 10_000 });
    const limits = { tpm: 1_000 };
    const first = await limiter.tryReserve('p:rec', limits, 'a', 900);
    expect(first.ok).toBe(true);
    expect((await limiter.tryReserve('p:rec', limits, 'a', 500)).ok).toBe(false);
    if (first.ok) await limiter.reconcile(first.reservation, 300);
    expect((await limiter.tryReserve('p:rec', limits, 'a', 500)).ok).toBe(true);
  });

  it('counts requests against rpm', async () => {
    const limiter = createRateLimiter(redis, { keyPrefix: prefix, windowMs: 10_000 });
    for (let i = 0; i < 3; i++) expect((await limiter.tryReserve('p:rpm', { rpm: 3 }, 'a', 0)).ok).toBe(true);
    expect((await limiter.tryReserve('p:rpm', { rpm: 3 }, 'a', 0)).ok).toBe(false);
  });

  it('gives back the request of a call the provider refused with 429, keeps it otherwise', async () => {
    const limiter = createRateLimiter(redis, { keyPrefix: prefix, windowMs: 10_000 });
    const first = await limiter.tryReserve('p:429', { rpm: 1 }, 'a', 10);
    if (!first.ok) throw new Error('first reservation denied');
    await limiter.reconcile(first.reservation, 0, { keepRequest: false });
    const second = await limiter.tryReserve('p:429', { rpm: 1 }, 'a', 10);
    if (!second.ok) throw new Error('429 did not give the request back');
    await limiter.reconcile(second.reservation, 10);
    expect((await limiter.tryReserve('p:429', { rpm: 1 }, 'a', 10)).ok).toBe(false);
  });

  it('rejects a call larger than the whole limit as fatal instead of waiting forever', async () => {
    const limiter = createRateLimiter(redis, { keyPrefix: prefix });
    await expect(limiter.acquire('p:big', { tpm: 100 }, 'a', 101)).rejects.toBeInstanceOf(FatalError);
  });

  it('sleeps instead of spinning, and gives up with RateLimitedError past maxWaitMs', async () => {
    const sleeps: number[] = [];
    const limiter = createRateLimiter(redis, { keyPrefix: prefix, windowMs: 10_000, maxWaitMs: 5_000 }, { sleep: async (ms) => void sleeps.push(ms) });
    await limiter.acquire('p:wait', { tpm: 100 }, 'a', 100);
    const error = await limiter.acquire('p:wait', { tpm: 100 }, 'a', 100).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBeGreaterThan(5_000);
    expect(sleeps).toHaveLength(0);
  });

  it('stops waiting when the caller aborts', async () => {
    const limiter = createRateLimiter(redis, { keyPrefix: prefix, windowMs: 10_000 });
    await limiter.acquire('p:abort', { tpm: 100 }, 'a', 100);
    const controller = new AbortController();
    const pending = limiter.acquire('p:abort', { tpm: 100 }, 'a', 100, controller.signal);
    controller.abort(new Error('job cancelled'));
    await expect(pending).rejects.toThrow('job cancelled');
  });

  it('makes a tenant holding its share wait while another tenant waits', async () => {
    const limiter = createRateLimiter(redis, { keyPrefix: prefix, windowMs: 10_000 });
    const limits = { tpm: 1_000 };
    // Tenant "big" fills the window; "small" is turned away and so becomes a waiter.
    expect((await limiter.tryReserve('p:fair', limits, 'big', 600)).ok).toBe(true);
    expect((await limiter.tryReserve('p:fair', limits, 'small', 500)).ok).toBe(false);
    // Capacity remains for 400 tokens, but "big" already holds more than half: it must wait.
    expect((await limiter.tryReserve('p:fair', limits, 'big', 100)).ok).toBe(false);
    // "small" holds nothing, so a request that fits is admitted.
    expect((await limiter.tryReserve('p:fair', limits, 'small', 300)).ok).toBe(true);
  });

  it('without fairness the first to ask gets the capacity', async () => {
    const limiter = createRateLimiter(redis, { keyPrefix: prefix, windowMs: 10_000, fairness: false });
    const limits = { tpm: 1_000 };
    expect((await limiter.tryReserve('p:unfair', limits, 'big', 600)).ok).toBe(true);
    expect((await limiter.tryReserve('p:unfair', limits, 'small', 500)).ok).toBe(false);
    expect((await limiter.tryReserve('p:unfair', limits, 'big', 100)).ok).toBe(true);
  });
});
