import { createUsageLedger } from '@llmops/llm';
import { startRedisServer, waitFor, type OwnRedis } from '@llmops/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantLimits, parseTenantLimits } from '../src/index';

// A one-node Redis Cluster owning every slot: a script whose keys hash to different slots fails
// there with CROSSSLOT, so every script running here proves its keys share a slot.
describe('every script keeps its keys in one Redis Cluster slot', () => {
  let server: OwnRedis;
  let redis: Redis;
  beforeAll(async () => {
    server = await startRedisServer({ args: ['--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf'] });
    redis = new Redis(server.url, { maxRetriesPerRequest: 1 });
    redis.on('error', () => {});
    await redis.call('CLUSTER', 'ADDSLOTSRANGE', '0', '16383');
    await waitFor(async () => String(await redis.call('CLUSTER', 'INFO')).includes('cluster_state:ok'), { what: 'cluster state ok' });
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
  });

  it('refuses a cross-slot script (the check is real)', async () => {
    await expect(redis.eval("return redis.call('GET', KEYS[1])", 2, 'a:{t:x}', 'b:{t:y}')).rejects.toThrow(/CROSSSLOT|different slots|hash slot/i);
  });

  it('ledger, rate, admission, budgets, fairness and status run', async () => {
    const config = parseTenantLimits(JSON.stringify({ default: { budget: { day: { usd: '1' }, models: { 'gpt-4o': { month: { tokens: 1_000_000 } } } } } }));
    const limits = createTenantLimits({ redis, keyPrefix: 'c', config, isUnfinished: async () => false });
    const ledger = createUsageLedger(redis, { keyPrefix: 'c:llm' });
    expect(
      await ledger.record({
        tenant: 'acme',
        model: 'gpt-4o',
        jobType: 'inference',
        idempotencyKey: 'k',
        requests: 1,
        inputTokens: 10,
        outputTokens: 5,
        costNanoUsd: 75_000n,
        at: new Date(),
      }),
    ).toBe(true);
    expect((await limits.checkRate('acme')).allowed).toBe(true);
    const estimate = {
      costNanoUsd: 1_000_000n,
      inputTokens: 100,
      outputTokens: 100,
      byModel: [{ model: 'gpt-4o', costNanoUsd: 1_000_000n, inputTokens: 100, outputTokens: 100 }],
    };
    const admitted = await limits.admit({ tenant: 'acme', queue: 'inference', jobs: [{ id: 'j1', bytes: 10, estimate }], maxCostUsd: '0.5' });
    expect(admitted).toMatchObject({ ok: true, priorities: [1] });
    const call = await limits.spendGuard.reserve({ tenant: 'acme', jobId: 'j1', model: 'gpt-4o', estimatedNanoUsd: 500_000n, estimatedTokens: 50 });
    if (!call.ok) throw new Error('expected a hold');
    await limits.spendGuard.settle(call.hold, { nanoUsd: 100_000n, tokens: 20 });
    await limits.jobStarted({ tenant: 'acme', queue: 'inference', jobId: 'j1', priority: 1, waitedMs: 5 });
    await limits.jobEnded({ tenant: 'acme', jobId: 'j1' });
    expect(await limits.fair.drained('inference')).toBe(false);
    const status = await limits.status('acme');
    expect(status.budgets.map((b) => [b.limit, b.spent, b.reserved])).toEqual([
      ['budget.day.usd', '0.000075000', '0.000000000'],
      ['budget.models.gpt-4o.month.tokens', 15, 0],
    ]);
    expect(status.concurrency.used).toBe(0);
  });
});
