import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlmClient, readUsage, utcDay, type LlmClient } from '../src/index';
import { cleanup, connect, uniquePrefix } from './helpers';
import { startSimulator, type Simulator } from './sim';

describe('provider faults: 30% of answers are 429 or 5xx', () => {
  let redis: Redis;
  let sim: Simulator;
  let client: LlmClient;
  const prefix = uniquePrefix('faults');
  const retries: string[] = [];
  beforeAll(async () => {
    redis = connect();
    sim = await startSimulator({ failRate429: 0.15, failRate5xx: 0.15, hangRate: 0.03, retryAfterMs: 20, latencyMs: 2, seed: 7 });
    client = createLlmClient({
      redis,
      providers: { providers: [{ name: 'sim', baseURL: sim.baseURL, timeoutMs: 1_000, limits: { 'gpt-4o-mini': { tpm: 1_000_000, rpm: 10_000 } } }] },
      limiter: { keyPrefix: prefix },
      ledger: { keyPrefix: prefix },
      retry: { maxAttempts: 12, baseDelayMs: 5, maxDelayMs: 100, maxElapsedMs: 60_000 },
      logger: { warn: (obj) => retries.push(JSON.stringify(obj)) },
    });
  });
  afterAll(async () => {
    await client?.close();
    await sim?.close();
    await cleanup(redis, prefix);
    redis.disconnect();
  });

  const run = (n: number) =>
    Promise.all(
      Array.from({ length: n }, (_, i) =>
        client.chat(
          { model: 'gpt-4o-mini', messages: [{ role: 'user', content: `item ${i}: summarise the weather` }], max_tokens: 40 },
          { tenant: 'acme', jobType: 'inference', jobId: 'job-1', idempotencyKey: `job-1:item-${i}` },
        ),
      ),
    );

  it('every call succeeds, the ledger counts every answer the provider gave, and a replayed job sends and adds nothing', async () => {
    const since = sim.log.latestId;
    const first = await run(60);
    expect(first).toHaveLength(60);
    const log = sim.log.list(since).filter((e) => e.path === '/v1/chat/completions');
    expect(log.filter((e) => e.fault !== null).length).toBeGreaterThan(5);
    expect(retries.length).toBeGreaterThan(5);
    expect(first.some((r) => r.attempts > 1)).toBe(true);

    const today = utcDay(new Date());
    const usage = await readUsage(redis, { keyPrefix: prefix, tenant: 'acme', from: today, to: today });
    expect(usage.totals.requests).toBe(60);
    expect(usage.totals.inputTokens).toBe(first.reduce((n, r) => n + r.usage.inputTokens, 0));
    expect(usage.totals.outputTokens).toBe(first.reduce((n, r) => n + r.usage.outputTokens, 0));
    expect(BigInt(usage.totals.costNanoUsd)).toBe(first.reduce((n, r) => n + r.costNanoUsd, 0n));
    expect(BigInt(usage.totals.costNanoUsd)).toBeGreaterThan(0n);

    // Call for call: each answer an attempt received is one ledger marker under the request id it was
    // asked with, with the provider's own token counts.
    const received = log.filter((e) => e.status === 200 && !e.clientGone);
    expect(received).toHaveLength(60);
    const markers = await redis.mget(...received.map((e) => `${prefix}:usage:idem:{t:acme}:${String(e.requestId).split('.')[1]}`));
    received.forEach((entry, i) => {
      expect(JSON.parse(markers[i] ?? 'null')).toMatchObject({
        requestId: entry.requestId,
        inputTokens: entry.promptTokens,
        outputTokens: entry.completionTokens,
      });
    });
    // Attempts that timed out have an unknown outcome for the client, and the job says how many: every
    // hang (status 0), and any answer slower than the 1 s timeout (its connection was closed first, so
    // the simulator never wrote nor logged it).
    const spend = await client.withContext({ jobType: 'inference' }).jobSpend({ tenant: 'acme', jobId: 'job-1' });
    expect(spend.billed).toMatchObject({ requests: 60, inputTokens: usage.totals.inputTokens, outputTokens: usage.totals.outputTokens });
    expect(spend.unknownOutcome).toBeGreaterThanOrEqual(log.filter((e) => e.status === 0).length);

    // The worker died after the calls and the job runs again: same keys, same requests. Every answer
    // comes back from the journal: nothing is sent, nothing is billed again.
    const replaySince = sim.log.latestId;
    const again = await run(60);
    expect(sim.log.list(replaySince).filter((e) => e.path === '/v1/chat/completions')).toHaveLength(0);
    expect(again.every((r) => r.replayed && r.attempts === 0)).toBe(true);
    expect(again.map((r) => [r.completion.choices[0]?.message.content, r.costNanoUsd])).toEqual(
      first.map((r) => [r.completion.choices[0]?.message.content, r.costNanoUsd]),
    );
    const after = await readUsage(redis, { keyPrefix: prefix, tenant: 'acme', from: today, to: today });
    expect(after.totals).toEqual(usage.totals);
  }, 120_000);

  it('embeddings also ride out the faults', async () => {
    const texts = Array.from({ length: 30_000 }, (_, i) => `document ${i} about apples`);
    const since = sim.log.latestId;
    const result = await client.embed(texts, { model: 'text-embedding-3-small', dimensions: 8, tenant: 'acme', jobType: 'ingest', idempotencyKey: 'ingest-1' });
    const log = sim.log.list(since).filter((e) => e.path === '/v1/embeddings');
    expect(log.filter((e) => e.fault !== null).length).toBeGreaterThan(0);
    expect(log.filter((e) => e.status === 200)).toHaveLength(result.usage.requests);
    expect(result.vectors).toHaveLength(30_000);
    expect(result.vectors.every((v) => v.length === 8)).toBe(true);
  }, 60_000);
});
