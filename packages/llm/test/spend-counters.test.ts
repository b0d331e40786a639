import { spendKeys } from '@llmops/contracts';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUsageLedger } from '../src/index';
import { cleanup, connect, uniquePrefix } from './helpers';

describe('ledger spend counters (what budgets are checked against)', () => {
  let redis: Redis;
  const prefix = uniquePrefix('spend');
  const keys = spendKeys(prefix);
  beforeAll(() => {
    redis = connect();
  });
  afterAll(async () => {
    await cleanup(redis, prefix);
    redis.disconnect();
  });

  const call = { tenant: 'acme', jobType: 'inference', requests: 1 };

  it('adds each counted call to the tenant day and month, total and per model, once per key', async () => {
    const ledger = createUsageLedger(redis, { keyPrefix: prefix });
    const lastDay = new Date('2026-01-31T23:59:59Z');
    const nextDay = new Date('2026-02-01T00:00:01Z');
    expect(
      await ledger.record({ ...call, model: 'gpt-4o-mini', idempotencyKey: 'a', inputTokens: 100, outputTokens: 20, costNanoUsd: 27_000n, at: lastDay }),
    ).toBe(true);
    expect(
      await ledger.record({ ...call, model: 'gpt-4o-mini', idempotencyKey: 'a', inputTokens: 100, outputTokens: 20, costNanoUsd: 27_000n, at: lastDay }),
    ).toBe(false);
    expect(await ledger.record({ ...call, model: 'gpt-4o', idempotencyKey: 'b', inputTokens: 10, outputTokens: 5, costNanoUsd: 75_000n, at: lastDay })).toBe(
      true,
    );
    expect(await ledger.record({ ...call, model: 'gpt-4o', idempotencyKey: 'c', inputTokens: 1, outputTokens: 1, costNanoUsd: 12_500n, at: nextDay })).toBe(
      true,
    );

    expect(await redis.hgetall(keys.spendDay('acme', '2026-01-31'))).toEqual({
      nano: '102000',
      tokens: '135',
      'nano:gpt-4o-mini': '27000',
      'tokens:gpt-4o-mini': '120',
      'nano:gpt-4o': '75000',
      'tokens:gpt-4o': '15',
    });
    expect(await redis.hgetall(keys.spendMonth('acme', '2026-01'))).toEqual({
      nano: '102000',
      tokens: '135',
      'nano:gpt-4o-mini': '27000',
      'tokens:gpt-4o-mini': '120',
      'nano:gpt-4o': '75000',
      'tokens:gpt-4o': '15',
    });
    expect(await redis.hgetall(keys.spendDay('acme', '2026-02-01'))).toEqual({ nano: '12500', tokens: '2', 'nano:gpt-4o': '12500', 'tokens:gpt-4o': '2' });
    expect(await redis.hgetall(keys.spendMonth('acme', '2026-02'))).toEqual({ nano: '12500', tokens: '2', 'nano:gpt-4o': '12500', 'tokens:gpt-4o': '2' });
    expect(await redis.exists(keys.spendDay('other', '2026-01-31'))).toBe(0);
  });

  it('counts 50 concurrent replays of one key once, in the ledger and the spend counters', async () => {
    const ledger = createUsageLedger(redis, { keyPrefix: prefix });
    const at = new Date('2026-03-05T12:00:00Z');
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        ledger.record({ ...call, tenant: 't2', model: 'm', idempotencyKey: 'same', inputTokens: 3, outputTokens: 4, costNanoUsd: 10n, at }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await redis.hget(keys.spendDay('t2', '2026-03-05'), 'nano')).toBe('10');
    expect(await redis.hget(keys.spendMonth('t2', '2026-03'), 'tokens')).toBe('7');
  });
});
