import { createUsageLedger } from '@llmops/llm';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBudgets, parseTenantLimits, type JobAmounts } from '../src/index';
import { cleanup, connect, testPrefix } from './helpers';

/** A job estimate of `usd` dollars (nano-USD exact) on one model. */
function estimate(nano: bigint, model = 'gpt-4o-mini', tokens = 1_000): JobAmounts {
  return { costNanoUsd: nano, inputTokens: tokens, outputTokens: 0, byModel: [{ model, costNanoUsd: nano, inputTokens: tokens, outputTokens: 0 }] };
}
const usd = (cents: number) => BigInt(Math.round(cents * 10_000_000)); // cents -> nano-USD

describe('spend budgets with reservations', () => {
  const prefix = testPrefix('budgets');
  const spendPrefix = `${prefix}:llm`;
  let replicas: Redis[];
  beforeAll(() => {
    replicas = [connect(), connect(), connect()];
  });
  afterAll(async () => {
    await cleanup(prefix);
    replicas.forEach((r) => r.disconnect());
  });
  const config = parseTenantLimits(
    JSON.stringify({
      default: { budget: { day: { usd: '0.05' } } },
      monthly: { budget: { day: { usd: null }, month: { usd: '0.10' } } },
      models: { budget: { day: { usd: '1' }, models: { 'gpt-4o': { day: { usd: '0.01', tokens: 5_000 } } } } },
    }),
  );

  it('admits exactly the concurrent jobs that fit a $0.05 day budget together', async () => {
    // Ten submissions of $0.012 each, racing from three replicas: 4 fit ($0.048), the 5th would pass $0.05.
    const budgets = replicas.map((redis) => createBudgets(redis, { keyPrefix: prefix, spendKeyPrefix: spendPrefix, config }));
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => budgets[i % 3]!.reserveJob('acme', `job-${i}`, estimate(usd(1.2)))));
    expect(results.filter((r) => r.ok)).toHaveLength(4);
    const refusal = results.find((r) => !r.ok);
    expect(refusal).toEqual({
      ok: false,
      refusal: {
        limit: 'budget.day.usd',
        period: 'day',
        unit: 'usd',
        cap: '0.050000000',
        spent: '0.000000000',
        reserved: '0.048000000',
        remaining: '0.002000000',
        requested: '0.012000000',
      },
    });
    const [line] = await budgets[0]!.status('acme');
    expect(line).toMatchObject({ limit: 'budget.day.usd', cap: '0.050000000', reserved: '0.048000000', remaining: '0.002000000' });
    // Idempotent per job: a replayed reservation holds nothing more.
    const admitted = results.findIndex((r) => r.ok);
    expect(await budgets[1]!.reserveJob('acme', `job-${admitted}`, estimate(usd(1.2)))).toEqual({ ok: true, alreadyHeld: true });
    // A job that ends gives its remainder back.
    await budgets[2]!.releaseJob('acme', `job-${admitted}`);
    expect((await budgets[0]!.status('acme'))[0]).toMatchObject({ reserved: '0.036000000', remaining: '0.014000000' });
  });

  it('counts what the ledger counted as spent, by UTC day and month (clock injected)', async () => {
    let clock = Date.parse('2026-01-30T12:00:00Z');
    const redis = replicas[0]!;
    const ledger = createUsageLedger(redis, { keyPrefix: spendPrefix });
    const budgets = createBudgets(redis, { keyPrefix: prefix, spendKeyPrefix: spendPrefix, config, now: () => clock });
    const spend = (key: string, nano: bigint) =>
      ledger.record({
        tenant: 'monthly',
        model: 'gpt-4o-mini',
        jobType: 'inference',
        idempotencyKey: key,
        requests: 1,
        inputTokens: 10,
        outputTokens: 10,
        costNanoUsd: nano,
        at: new Date(clock),
      });

    await spend('a', usd(4));
    clock = Date.parse('2026-01-31T23:59:00Z');
    await spend('b', usd(4));
    expect(await spend('b', usd(4))).toBe(false); // a replay is not spent twice
    const refused = await budgets.reserveJob('monthly', 'm1', estimate(usd(3)));
    expect(refused).toMatchObject({
      ok: false,
      refusal: { limit: 'budget.month.usd', spent: '0.080000000', remaining: '0.020000000', requested: '0.030000000' },
    });
    expect((await budgets.status('monthly'))[0]).toMatchObject({ spent: '0.080000000', resetsAt: '2026-02-01T00:00:00.000Z' });
    // February: the month counter starts over.
    clock = Date.parse('2026-02-01T00:00:01Z');
    expect(await budgets.reserveJob('monthly', 'm1', estimate(usd(3)))).toEqual({ ok: true, alreadyHeld: false });
    expect((await budgets.status('monthly'))[0]).toMatchObject({ spent: '0.000000000', reserved: '0.030000000' });

    // The day budget of another tenant rolls over at midnight; reservations carry into the new day.
    clock = Date.parse('2026-03-10T23:00:00Z');
    await ledger.record({
      tenant: 'daily',
      model: 'gpt-4o-mini',
      jobType: 'inference',
      idempotencyKey: 'd1',
      requests: 1,
      inputTokens: 1,
      outputTokens: 1,
      costNanoUsd: usd(4),
      at: new Date(clock),
    });
    expect(await budgets.reserveJob('daily', 'd-held', estimate(usd(0.5)))).toMatchObject({ ok: true });
    expect(await budgets.reserveJob('daily', 'd2', estimate(usd(1)))).toMatchObject({ ok: false, refusal: { spent: '0.040000000', reserved: '0.005000000' } });
    clock = Date.parse('2026-03-11T00:00:00Z');
    expect(await budgets.reserveJob('daily', 'd2', estimate(usd(1)))).toMatchObject({ ok: true });
    expect((await budgets.status('daily'))[0]).toMatchObject({ spent: '0.000000000', reserved: '0.015000000' });
  });

  it('per-model budgets: dollars and tokens of one model, named in the refusal', async () => {
    const budgets = createBudgets(replicas[0]!, { keyPrefix: prefix, spendKeyPrefix: spendPrefix, config });
    expect(await budgets.reserveJob('models', 'cheap', estimate(usd(5), 'gpt-4o-mini', 50_000))).toMatchObject({ ok: true });
    expect(await budgets.reserveJob('models', 'big', estimate(usd(2), 'gpt-4o', 1_000))).toEqual({
      ok: false,
      refusal: {
        limit: 'budget.models.gpt-4o.day.usd',
        period: 'day',
        model: 'gpt-4o',
        unit: 'usd',
        cap: '0.010000000',
        spent: '0.000000000',
        reserved: '0.000000000',
        remaining: '0.010000000',
        requested: '0.020000000',
      },
    });
    expect(await budgets.reserveJob('models', 'long', estimate(usd(0.5), 'gpt-4o', 6_000))).toMatchObject({
      ok: false,
      refusal: { limit: 'budget.models.gpt-4o.day.tokens', unit: 'tokens', cap: 5_000, requested: 6_000, remaining: 5_000 },
    });
    expect(await budgets.reserveJob('models', 'small', estimate(usd(0.5), 'gpt-4o', 4_000))).toMatchObject({ ok: true });
  });

  it('calls draw from their job first, then from free budget; settling gives the unspent part back to the job', async () => {
    const budgets = createBudgets(replicas[1]!, { keyPrefix: prefix, spendKeyPrefix: spendPrefix, config });
    expect(await budgets.reserveJob('draw', 'job', estimate(usd(4)))).toMatchObject({ ok: true });
    const call = (jobId: string | undefined, cents: number) =>
      budgets.reserveCall({ tenant: 'draw', ...(jobId ? { jobId } : {}), model: 'gpt-4o-mini', estimatedNanoUsd: usd(cents), estimatedTokens: 100 });
    const held = await call('job', 3); // from the job's $0.04
    expect(held.ok).toBe(true);
    expect(await call(undefined, 2)).toMatchObject({ ok: false, refusal: { reserved: '0.040000000', remaining: '0.010000000', requested: '0.020000000' } });
    const spill = await call('job', 1.5); // $0.01 left in the job + $0.005 free
    expect(spill.ok).toBe(true);
    expect((await budgets.status('draw'))[0]).toMatchObject({ reserved: '0.045000000' });
    if (!held.ok || !spill.ok) throw new Error('unreachable');
    // The first call cost $0.01: $0.02 of what it drew goes back to the job.
    await budgets.settle(held.hold, { nanoUsd: usd(1), tokens: 50 });
    await budgets.settle(held.hold, { nanoUsd: usd(1), tokens: 50 }); // idempotent
    expect((await budgets.status('draw'))[0]).toMatchObject({ reserved: '0.035000000' });
    await budgets.settle(spill.hold, { nanoUsd: 0n, tokens: 0 });
    expect((await budgets.status('draw'))[0]).toMatchObject({ reserved: '0.030000000' });
    await budgets.releaseJob('draw', 'job');
    expect((await budgets.status('draw'))[0]).toMatchObject({ reserved: '0.000000000', remaining: '0.050000000' });
  });

  it('maxCostUsd caps the job reservation and the total its calls may spend', async () => {
    const budgets = createBudgets(replicas[2]!, { keyPrefix: prefix, spendKeyPrefix: spendPrefix, config });
    // The estimate ($0.10) would not fit the day budget; capped at $0.02 it does.
    expect(await budgets.reserveJob('capped', 'job', estimate(usd(10)), '0.02')).toMatchObject({ ok: true });
    expect((await budgets.status('capped'))[0]).toMatchObject({ reserved: '0.020000000' });
    const call = (cents: number) =>
      budgets.reserveCall({ tenant: 'capped', jobId: 'job', model: 'gpt-4o-mini', estimatedNanoUsd: usd(cents), estimatedTokens: 10 });
    const first = await call(1.5);
    expect(first.ok).toBe(true);
    expect(await call(1)).toEqual({
      ok: false,
      refusal: {
        limit: 'job.maxCostUsd',
        period: 'job',
        unit: 'usd',
        cap: '0.020000000',
        spent: '0.000000000',
        reserved: '0.015000000',
        remaining: '0.005000000',
        requested: '0.010000000',
      },
    });
    if (!first.ok) throw new Error('unreachable');
    await budgets.settle(first.hold, { nanoUsd: usd(1.2), tokens: 10 });
    expect(await call(1)).toMatchObject({ ok: false, refusal: { limit: 'job.maxCostUsd', spent: '0.012000000', reserved: '0.000000000' } });
    expect((await call(0.8)).ok).toBe(true);
  });

  it('a hold whose process died lapses at its expiry', async () => {
    let clock = Date.parse('2026-05-01T10:00:00Z');
    const budgets = createBudgets(replicas[0]!, {
      keyPrefix: prefix,
      spendKeyPrefix: spendPrefix,
      config,
      now: () => clock,
      callHoldTtlMs: 60_000,
      jobHoldTtlMs: 3_600_000,
    });
    expect((await budgets.reserveJob('leaky', 'job', estimate(usd(2)))).ok).toBe(true);
    expect((await budgets.reserveCall({ tenant: 'leaky', model: 'gpt-4o-mini', estimatedNanoUsd: usd(2), estimatedTokens: 10 })).ok).toBe(true);
    expect((await budgets.status('leaky'))[0]).toMatchObject({ reserved: '0.040000000' });
    clock += 61_000; // the call's holder never settled
    expect((await budgets.status('leaky'))[0]).toMatchObject({ reserved: '0.020000000' });
    clock += 3_600_000; // the job was never released: its retention passed
    expect((await budgets.status('leaky'))[0]).toMatchObject({ reserved: '0.000000000', remaining: '0.050000000' });
  });
});
