import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUsageLedger, readUsage, type UsageEvent } from '../src/index';
import { cleanup, connect, uniquePrefix } from './helpers';

describe('usage ledger', () => {
  let redis: Redis;
  const prefix = uniquePrefix('ledger');
  beforeAll(() => {
    redis = connect();
  });
  afterAll(async () => {
    await cleanup(redis, prefix);
    redis.disconnect();
  });

  const base = { tenant: 't1', model: 'gpt-4o-mini', jobType: 'inference', requests: 1, inputTokens: 100, outputTokens: 20 };

  it('counts a call once per idempotency key, by UTC day, model and job type', async () => {
    const events: UsageEvent[] = [];
    const ledger = createUsageLedger(redis, { keyPrefix: prefix, onUsage: (e) => events.push(e) });
    const at = new Date('2026-11-27T23:59:59Z');
    expect(await ledger.record({ ...base, idempotencyKey: 'job1:a', costNanoUsd: 27_000n, at })).toBe(true);
    expect(await ledger.record({ ...base, idempotencyKey: 'job1:a', costNanoUsd: 27_000n, at })).toBe(false);
    expect(await ledger.record({ ...base, idempotencyKey: 'job1:b', costNanoUsd: 3n, at: new Date('2026-11-28T00:00:01Z') })).toBe(true);
    expect(await ledger.record({ ...base, jobType: 'eval', idempotencyKey: 'job2:a', costNanoUsd: 1_000_000_001n, at })).toBe(true);
    expect(events.map((e) => e.idempotencyKey)).toEqual(['job1:a', 'job1:b', 'job2:a']);

    const report = await readUsage(redis, { keyPrefix: prefix, tenant: 't1', from: '2026-11-27', to: '2026-11-28' });
    expect(report.days).toEqual([
      {
        date: '2026-11-27',
        model: 'gpt-4o-mini',
        jobType: 'eval',
        requests: 1,
        inputTokens: 100,
        outputTokens: 20,
        costUsd: '1.000000001',
        costNanoUsd: '1000000001',
      },
      {
        date: '2026-11-27',
        model: 'gpt-4o-mini',
        jobType: 'inference',
        requests: 1,
        inputTokens: 100,
        outputTokens: 20,
        costUsd: '0.000027000',
        costNanoUsd: '27000',
      },
      {
        date: '2026-11-28',
        model: 'gpt-4o-mini',
        jobType: 'inference',
        requests: 1,
        inputTokens: 100,
        outputTokens: 20,
        costUsd: '0.000000003',
        costNanoUsd: '3',
      },
    ]);
    expect(report.totals).toEqual({ requests: 3, inputTokens: 300, outputTokens: 60, costUsd: '1.000027004', costNanoUsd: '1000027004' });
  });

  it('keeps tenants apart', async () => {
    const report = await readUsage(redis, { keyPrefix: prefix, tenant: 't2', from: '2026-11-27', to: '2026-11-28' });
    expect(report.days).toEqual([]);
    expect(report.totals.requests).toBe(0);
  });

  it('counts concurrent replays of one key exactly once', async () => {
    const ledger = createUsageLedger(redis, { keyPrefix: prefix });
    const at = new Date('2026-01-05T12:00:00Z');
    const results = await Promise.all(Array.from({ length: 50 }, () => ledger.record({ ...base, tenant: 't3', idempotencyKey: 'same', costNanoUsd: 10n, at })));
    expect(results.filter(Boolean)).toHaveLength(1);
    const report = await readUsage(redis, { keyPrefix: prefix, tenant: 't3', from: '2026-01-05', to: '2026-01-05' });
    expect(report.totals.requests).toBe(1);
  });
});
