import { BudgetExhaustedError, createLlmClient, readUsage, type LlmClient } from '@llmops/llm';
import { startSimulator } from '@llmops/llm-simulator';
import { usdStringToNano } from '@llmops/tokens';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBudgets, createSpendGuard, parseTenantLimits } from '../src/index';
import { cleanup, connect, testPrefix } from './helpers';

type Simulator = Awaited<ReturnType<typeof startSimulator>>;

describe('budgets through a real LLM client and the simulator', () => {
  const prefix = testPrefix('budget-llm');
  const ledgerPrefix = `${prefix}:llm`;
  let redis: Redis;
  let sim: Simulator;
  const clients: LlmClient[] = [];
  const config = parseTenantLimits(JSON.stringify({ default: { budget: { day: { usd: '0.05' } } } }));

  beforeAll(async () => {
    redis = connect();
    sim = await startSimulator({ latencyMs: 5 });
    // Two worker replicas: their own connections, guards and clients, one Redis.
    for (let i = 0; i < 2; i++) {
      const connection = connect();
      const budgets = createBudgets(connection, { keyPrefix: prefix, spendKeyPrefix: ledgerPrefix, config });
      clients.push(
        createLlmClient({
          redis: connection,
          providers: { providers: [{ name: 'sim', baseURL: sim.baseURL }] },
          limiter: false,
          ledger: { keyPrefix: ledgerPrefix },
          spend: createSpendGuard(budgets),
        }),
      );
    }
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await sim?.close();
    await cleanup(prefix);
    redis.disconnect();
  });

  it('concurrent calls never bill past a $0.05 day budget; refused calls send nothing', async () => {
    // gpt-4o: $2.50 / $10 per M tokens. A ~500-token prompt (counted exactly) + at most 40 output tokens.
    const story = 'The river runs past the old mill and under the stone bridge. '.repeat(40);
    const since = sim.log.latestId;
    const loops = 8;
    const answered: number[] = [];
    const refusals: BudgetExhaustedError[] = [];
    let worstCase = 0n;
    // Eight loops (four per replica) call until the budget refuses them.
    await Promise.all(
      Array.from({ length: loops }, async (_, loop) => {
        for (let i = 0; ; i++) {
          try {
            const result = await clients[loop % 2]!.chat(
              { model: 'gpt-4o', messages: [{ role: 'user', content: `${story} Chapter ${loop}.${i}?` }], max_tokens: 40 },
              { tenant: 'acme', jobType: 'inference', idempotencyKey: `call-${loop}-${i}` },
            );
            answered.push(result.usage.inputTokens);
            const worst = BigInt(result.usage.inputTokens) * 2_500n + 40n * 10_000n;
            if (worst > worstCase) worstCase = worst;
          } catch (error) {
            if (!(error instanceof BudgetExhaustedError)) throw error;
            refusals.push(error);
            return;
          }
        }
      }),
    );
    expect(refusals).toHaveLength(loops);
    expect(refusals.every((e) => e.reason === 'budget_exhausted' && e.refusal.limit === 'budget.day.usd')).toBe(true);
    // Only answered calls reached the provider.
    expect(sim.log.list(since).filter((e) => e.path.endsWith('/chat/completions'))).toHaveLength(answered.length);

    const today = new Date().toISOString().slice(0, 10);
    const usage = await readUsage(redis, { keyPrefix: ledgerPrefix, tenant: 'acme', from: today, to: today });
    const billed = BigInt(usage.totals.costNanoUsd);
    const cap = usdStringToNano('0.05');
    console.log(
      `answered ${answered.length}, refused ${refusals.length}, billed $${usage.totals.costUsd} of $0.05 (worst case per call $${Number(worstCase) / 1e9})`,
    );
    expect(usage.totals.requests).toBe(answered.length);
    expect(billed).toBeLessThanOrEqual(cap);
    // Refused only when the calls in flight could have used the rest: less than one worst case per loop is left.
    expect(cap - billed).toBeLessThan(BigInt(loops) * worstCase);
    // Every hold was settled: nothing stays reserved.
    const [line] = await createBudgets(redis, { keyPrefix: prefix, spendKeyPrefix: ledgerPrefix, config }).status('acme');
    expect(line).toMatchObject({ reserved: '0.000000000', spent: usage.totals.costUsd });
  });

  it("a job's maxCostUsd stops its calls at its cap, even with the day budget free", async () => {
    const budgets = createBudgets(redis, { keyPrefix: prefix, spendKeyPrefix: ledgerPrefix, config });
    const estimate = { costNanoUsd: usdStringToNano('1'), inputTokens: 1, outputTokens: 1, byModel: [] };
    expect(await budgets.reserveJob('beta', 'job-capped', estimate, '0.01')).toMatchObject({ ok: true });
    let error: unknown;
    for (let i = 0; error === undefined; i++) {
      await clients[i % 2]!.chat(
        { model: 'gpt-4o', messages: [{ role: 'user', content: `Tell me about lake number ${i}, in detail.` }], max_tokens: 40 },
        { tenant: 'beta', jobType: 'inference', jobId: 'job-capped', idempotencyKey: `capped-${i}` },
      ).catch((e: unknown) => (error = e));
    }
    expect(error).toBeInstanceOf(BudgetExhaustedError);
    expect((error as BudgetExhaustedError).refusal).toMatchObject({ limit: 'job.maxCostUsd', cap: '0.010000000' });
    const today = new Date().toISOString().slice(0, 10);
    const usage = await readUsage(redis, { keyPrefix: ledgerPrefix, tenant: 'beta', from: today, to: today });
    expect(BigInt(usage.totals.costNanoUsd)).toBeLessThanOrEqual(usdStringToNano('0.01'));
    expect(BigInt(usage.totals.costNanoUsd)).toBeGreaterThan(usdStringToNano('0.008'));
  });
});
