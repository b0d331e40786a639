import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRefusalCounter, createWaitTimes, kindOf, quantile } from '../src/index';
import { cleanup, connect, testPrefix } from './helpers';

describe('limit metrics in Redis (every replica adds to the same series)', () => {
  const prefix = testPrefix('metrics');
  let a: Redis;
  let b: Redis;
  beforeAll(() => {
    a = connect();
    b = connect();
  });
  afterAll(async () => {
    await cleanup(prefix);
    a.disconnect();
    b.disconnect();
  });

  it('counts refusals by tenant and kind of limit across replicas', async () => {
    await createRefusalCounter(a, { keyPrefix: prefix }).record('acme', 'rate');
    await createRefusalCounter(b, { keyPrefix: prefix }).record('acme', 'rate', 2);
    await createRefusalCounter(b, { keyPrefix: prefix }).record('beta', kindOf('budget.models.gpt-4o.day.usd'));
    expect(await createRefusalCounter(a, { keyPrefix: prefix }).read()).toEqual([
      { tenant: 'acme', limit: 'rate', count: 3 },
      { tenant: 'beta', limit: 'budget', count: 1 },
    ]);
    expect([kindOf('job.maxCostUsd'), kindOf('concurrency.maxJobs'), kindOf('storage.maxWaitingBytes'), kindOf('work.maxCallsPerJob')]).toEqual([
      'budget',
      'concurrency',
      'storage',
      'work',
    ]);
  });

  it('keeps queue wait per queue and tenant as a histogram with p50 and p95', async () => {
    const waits = [createWaitTimes(a, { keyPrefix: prefix }), createWaitTimes(b, { keyPrefix: prefix })];
    // 90 waits of 0.2 s and 10 of 20 s for B; one of 0.03 s for A.
    await Promise.all(Array.from({ length: 100 }, (_, i) => waits[i % 2]!.record('evaluation', 'B', i < 90 ? 0.2 : 20)));
    await waits[0]!.record('evaluation', 'A', 0.03);
    const hist = await waits[1]!.read('evaluation', 'B');
    expect(hist.count).toBe(100);
    expect(hist.sum).toBeCloseTo(90 * 0.2 + 10 * 20, 6);
    expect(hist.buckets.find(([bound]) => bound === '0.25')?.[1]).toBe(90);
    // p50 falls in (0.1, 0.25]; p95 in (10, 30].
    expect(quantile(hist, 0.5)).toBeGreaterThan(0.1);
    expect(quantile(hist, 0.5)).toBeLessThanOrEqual(0.25);
    expect(quantile(hist, 0.95)).toBeGreaterThan(10);
    expect(quantile(hist, 0.95)).toBeLessThanOrEqual(30);
    expect(quantile(await waits[0]!.read('evaluation', 'A'), 0.5)).toBeLessThanOrEqual(0.05);
    expect(quantile(await waits[0]!.read('evaluation', 'nobody'), 0.5)).toBeUndefined();
    expect(await waits[0]!.tenants('evaluation')).toEqual(['A', 'B']);
  });
});
