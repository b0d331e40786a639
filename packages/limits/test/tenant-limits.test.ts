import { defaultModelRegistry, nanoToUsdString } from '@llmops/tokens';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantLimits, estimateInference, parseTenantLimits, type WorkEstimate } from '../src/index';
import { cleanup, connect, testPrefix } from './helpers';

describe('createTenantLimits: what the API and worker call', () => {
  const prefix = testPrefix('facade');
  let redis: Redis;
  beforeAll(() => {
    redis = connect();
  });
  afterAll(async () => {
    await cleanup(prefix);
    redis.disconnect();
  });
  const config = parseTenantLimits(
    JSON.stringify({
      default: { rate: { perSecond: 0.001, burst: 2 }, concurrency: { maxJobs: 3 }, budget: { day: { usd: '0.01' } }, work: { maxItemsPerJob: 5 } },
    }),
  );
  const items = [{ id: 'i', messages: [{ role: 'user' as const, content: 'Hi' }] }];
  let estimate: WorkEstimate;
  beforeAll(async () => {
    estimate = await estimateInference(
      { payload: { model: 'gpt-4o-mini', parameters: { max_tokens: 5_000 }, cache: { mode: 'off', threshold: 0.95 }, mode: 'realtime' }, items },
      defaultModelRegistry,
    ); // ~$0.003 worst case per job
  });

  it('admits with fair priorities, refuses past concurrency or budget and undoes what it took', async () => {
    const limits = createTenantLimits({ redis, keyPrefix: prefix, config });
    const first = await limits.admit({
      tenant: 'acme',
      queue: 'inference',
      jobs: [
        { id: 'j1', estimate, bytes: 100 },
        { id: 'j2', estimate, bytes: 100 },
      ],
    });
    expect(first).toMatchObject({ ok: true, priorities: [1, 1], tags: [1, 2] });
    // A third job's estimate would pass the $0.01 day budget: refused, and its slot is given back.
    const third = await limits.admit({ tenant: 'acme', queue: 'inference', jobs: [{ id: 'j3', estimate: { ...estimate, costNanoUsd: 5_000_000n } }] });
    expect(third).toMatchObject({ ok: false, kind: 'budget', refusal: { limit: 'budget.day.usd', cap: '0.010000000' } });
    expect((await limits.status('acme')).concurrency).toEqual({ maxJobs: 3, used: 2, remaining: 1 });
    const two = await limits.admit({ tenant: 'acme', queue: 'inference', jobs: [{ id: 'j3' }, { id: 'j4' }] });
    expect(two).toEqual({ ok: false, kind: 'concurrency', refusal: { limit: 'concurrency.maxJobs', cap: 3, current: 2, requested: 2 } });

    await limits.jobStarted({ tenant: 'acme', queue: 'inference', jobId: 'j1', priority: 1, waitedMs: 120 });
    const status = await limits.status('acme');
    expect(status.storage).toEqual({ maxWaitingBytes: 256 * 1024 * 1024, used: 100, remaining: 256 * 1024 * 1024 - 100 });
    expect(status.budgets[0]).toMatchObject({ limit: 'budget.day.usd', reserved: nanoToUsdString(estimate.costNanoUsd * 2n) });
    await limits.jobEnded({ tenant: 'acme', jobId: 'j1' });
    await limits.jobEnded({ tenant: 'acme', jobId: 'j2' });
    const after = await limits.status('acme');
    expect(after.concurrency.used).toBe(0);
    expect(after.budgets[0]).toMatchObject({ reserved: '0.000000000' });
    expect(await limits.waits.read('inference', 'acme')).toMatchObject({ count: 1 });

    // A failed creation gives everything back.
    const admitted = await limits.admit({ tenant: 'acme', queue: 'inference', jobs: [{ id: 'u1', estimate, bytes: 10 }] });
    if (!admitted.ok) throw new Error('expected admission');
    await admitted.undo();
    expect((await limits.status('acme')).concurrency.used).toBe(0);
    expect((await limits.status('acme')).budgets[0]).toMatchObject({ reserved: '0.000000000' });
  });

  it('checks rate and work caps and counts every refusal by kind', async () => {
    const limits = createTenantLimits({ redis, keyPrefix: prefix, config });
    expect((await limits.checkRate('beta')).allowed).toBe(true);
    expect((await limits.checkRate('beta')).allowed).toBe(true);
    expect(await limits.checkRate('beta')).toMatchObject({ allowed: false, limit: 2, remaining: 0 });
    const big = await estimateInference(
      { payload: { model: 'gpt-4o-mini', parameters: {}, cache: { mode: 'off', threshold: 0.95 }, mode: 'realtime' }, items: Array(6).fill(items[0]) },
      defaultModelRegistry,
    );
    expect(await limits.checkWork('beta', big)).toEqual({ limit: 'work.maxItemsPerJob', cap: 5, requested: 6, detail: '6 items' });
    await limits.admit({ tenant: 'beta', queue: 'q', jobs: [{ id: 'x', estimate: { ...estimate, costNanoUsd: 50_000_000n } }] });
    expect((await limits.refusals.read()).filter((r) => r.tenant === 'beta')).toEqual([
      { tenant: 'beta', limit: 'budget', count: 1 },
      { tenant: 'beta', limit: 'rate', count: 1 },
      { tenant: 'beta', limit: 'work', count: 1 },
    ]);
    expect((await limits.status('beta')).rate).toEqual({ perSecond: 0.001, burst: 2, remaining: 0 });
  });
});
