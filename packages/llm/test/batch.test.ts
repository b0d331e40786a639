import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countChatTokens } from '@llmops/tokens';
import { createLlmClient, readUsage, utcDay, type BatchItem, type LlmClient } from '../src/index';
import { cleanup, connect, uniquePrefix } from './helpers';
import { startSimulator, type Simulator } from './sim';

const MODEL = 'gpt-4o-mini';

function items(n: number): BatchItem[] {
  // Questions of different lengths, so each answer's prompt_tokens names the item it belongs to.
  return Array.from({ length: n }, (_, i) => ({
    customId: `item-${i}`,
    body: { model: MODEL, messages: [{ role: 'user', content: `question ${i}: ${'why '.repeat(i + 1)}` }], max_tokens: 30 },
  }));
}

describe('Batch API round trip', () => {
  let redis: Redis;
  let sim: Simulator;
  let client: LlmClient;
  const prefix = uniquePrefix('batch');
  beforeAll(async () => {
    redis = connect();
    sim = await startSimulator({ batchDelayMs: 200 });
    client = createLlmClient({
      redis,
      providers: { providers: [{ name: 'sim', baseURL: sim.baseURL }] },
      limiter: { keyPrefix: prefix },
      ledger: { keyPrefix: prefix },
    });
  });
  afterAll(async () => {
    await client?.close();
    await sim?.close();
    await cleanup(redis, prefix);
    redis.disconnect();
  });

  const promptTokens = (body: unknown) => (body as { usage: { prompt_tokens: number } }).usage.prompt_tokens;

  it('maps every result back to its item and bills the batch once', async () => {
    const batch = items(25);
    let submitted = '';
    const result = await client.runBatch(batch, {
      tenant: 'acme',
      jobType: 'batch-inference',
      pollIntervalMs: 50,
      onSubmitted: (id) => void (submitted = id),
    });
    expect(result.status).toBe('completed');
    expect(result.batchId).toBe(submitted);
    expect(result.failed).toEqual([]);
    expect(result.notDone).toEqual([]);
    expect(result.succeeded.map((s) => s.customId)).toEqual(batch.map((b) => b.customId));
    for (const [i, s] of result.succeeded.entries()) {
      expect(promptTokens(s.body)).toBe(countChatTokens(batch[i]?.body.messages as never, MODEL));
    }
    // Resuming the same batch (a restarted job) reads the same results and bills nothing more.
    const resumed = await client.runBatch(batch, { tenant: 'acme', jobType: 'batch-inference', pollIntervalMs: 50, resumeBatchId: submitted });
    expect(resumed.succeeded).toHaveLength(25);
    const today = utcDay(new Date());
    const usage = await readUsage(redis, { keyPrefix: prefix, tenant: 'acme', from: today, to: today });
    expect(usage.totals.requests).toBe(25);
    expect(usage.totals.inputTokens).toBe(result.usage.inputTokens);
  }, 30_000);

  it('reports failed lines separately from the answered ones', async () => {
    const batch = items(6);
    const broken = { customId: 'broken', body: { model: MODEL, messages: [] } };
    const result = await client.runBatch([...batch.slice(0, 3), broken, ...batch.slice(3)], { tenant: 'acme', jobType: 'b', pollIntervalMs: 50 });
    expect(result.succeeded.map((s) => s.customId)).toEqual(batch.map((b) => b.customId));
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]).toMatchObject({ customId: 'broken', statusCode: 400 });
    expect(result.notDone).toEqual([]);
  }, 30_000);

  it('returns what an expired batch completed and lists the rest for resubmission', async () => {
    sim.configure({ batchExpireAfterLines: 4 });
    try {
      const batch = items(10);
      const result = await client.runBatch(batch, { tenant: 'acme', jobType: 'b', pollIntervalMs: 50 });
      expect(result.status).toBe('expired');
      expect(result.succeeded.map((s) => s.customId)).toEqual(batch.slice(0, 4).map((b) => b.customId));
      expect(result.notDone).toEqual(batch.slice(4).map((b) => b.customId));
      expect(result.failed).toEqual([]);
    } finally {
      sim.configure({ batchExpireAfterLines: null });
    }
  }, 30_000);
});
