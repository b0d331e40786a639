import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callIdentity, createLlmClient, readUsage, utcDay, type LlmClient } from '../src/index';
import { createCallJournal } from '../src/journal';
import { cleanup, connect, uniquePrefix } from './helpers';
import { startSimulator, type Simulator } from './sim';

describe('call identity and the call journal', () => {
  let redis: Redis;
  let sim: Simulator;
  let client: LlmClient;
  const prefix = uniquePrefix('journal');
  const today = utcDay(new Date());
  const usage = (tenant: string) => readUsage(redis, { keyPrefix: prefix, tenant, from: today, to: today });
  beforeAll(async () => {
    redis = connect();
    sim = await startSimulator({ latencyMs: 30 });
    client = createLlmClient({ redis, providers: { providers: [{ name: 'sim', baseURL: sim.baseURL }] }, limiter: false, ledger: { keyPrefix: prefix } });
  });
  afterAll(async () => {
    await client?.close();
    await sim?.close();
    await cleanup(redis, prefix);
    redis.disconnect();
  });

  it('two different requests under one caller key are two calls, each counted (256 and 1,536 dimensions of one prompt)', async () => {
    const ctx = { tenant: 'dims', jobType: 'inference', jobId: 'job-dims', idempotencyKey: 'job-dims:emb' };
    const since = sim.log.latestId;
    const small = await client.embed(['How do I reset my password?'], { ...ctx, model: 'text-embedding-3-small', dimensions: 256 });
    const large = await client.embed(['How do I reset my password?'], { ...ctx, model: 'text-embedding-3-small', dimensions: 1536 });
    expect([small.vectors[0]?.length, large.vectors[0]?.length]).toEqual([256, 1536]);
    expect(small.calls[0]).not.toBe(large.calls[0]);
    expect(sim.log.list(since).filter((e) => e.status === 200)).toHaveLength(2);
    expect((await usage('dims')).totals).toMatchObject({ requests: 2, inputTokens: small.usage.inputTokens + large.usage.inputTokens });
    // The same request again under the same key is the same call: its vectors come back from the journal.
    const again = await client.embed(['How do I reset my password?'], { ...ctx, model: 'text-embedding-3-small', dimensions: 256 });
    expect(again.usage.replayed).toBe(1);
    expect(again.vectors).toEqual(small.vectors);
    expect((await usage('dims')).totals.requests).toBe(2);
  });

  it('an answer kept but not yet counted when the process died is counted once, by whoever finds it', async () => {
    const request = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'What is a vector database?' }], max_tokens: 30 };
    // The dead process got its answer and journaled it, then died before the ledger counted it.
    const answered = await createLlmClient({ redis, providers: { providers: [{ name: 'sim', baseURL: sim.baseURL }] }, limiter: false, ledger: false }).chat(
      request,
      { tenant: 'crash', jobType: 'inference' },
    );
    const journal = createCallJournal(redis, { keyPrefix: prefix, ttlMs: 60_000 });
    const scope = journal.scopeOf('crash', 'job-crash');
    const call = callIdentity('job-crash:item-1', '/v1/chat/completions', request);
    const record = {
      tenant: 'crash',
      model: 'gpt-4o-mini',
      jobType: 'inference',
      provider: 'sim',
      requestId: `${call}.a1`,
      usage: answered.usage,
      costNanoUsd: answered.costNanoUsd.toString(),
      at: Date.now(),
    };
    await journal.sent(scope, 'a1', { call, model: 'gpt-4o-mini', jobType: 'inference', at: Date.now() });
    const stored = {
      kind: 'chat' as const,
      attemptId: 'a1',
      provider: 'sim',
      usage: answered.usage,
      costNanoUsd: record.costNanoUsd,
      body: answered.completion,
    };
    await journal.answered(scope, 'a1', call, record, stored);
    // A resent copy of the script (a Redis blip) changes nothing.
    await journal.answered(scope, 'a1', call, record, stored);
    expect((await usage('crash')).totals.requests).toBe(0);

    const since = sim.log.latestId;
    const replayed = await client.chat(request, { tenant: 'crash', jobType: 'inference', jobId: 'job-crash', idempotencyKey: 'job-crash:item-1' });
    expect(replayed).toMatchObject({ replayed: true, attempts: 0, costNanoUsd: answered.costNanoUsd });
    expect(replayed.completion.choices[0]?.message.content).toBe(answered.completion.choices[0]?.message.content);
    expect(sim.log.list(since)).toHaveLength(0);
    const counted = await usage('crash');
    expect(counted.totals).toMatchObject({ requests: 1, inputTokens: answered.usage.inputTokens, outputTokens: answered.usage.outputTokens });
    await client.chat(request, { tenant: 'crash', jobType: 'inference', jobId: 'job-crash', idempotencyKey: 'job-crash:item-1' });
    await journal.finished(scope, 'a1');
    expect((await usage('crash')).totals).toEqual(counted.totals);
    const spend = await client.jobSpend({ tenant: 'crash', jobId: 'job-crash' });
    expect(spend.billed).toMatchObject({ requests: 1, inputTokens: answered.usage.inputTokens });
    expect(spend.unknownOutcome).toBe(0);
  });

  it('two copies of one call in flight at once are both billed and counted; the second shows as wasted', async () => {
    const ctx = { tenant: 'twice', jobType: 'evaluation', jobId: 'job-twice', idempotencyKey: 'job-twice:c1' };
    const request = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Grade this answer.' }], max_tokens: 20 };
    const [a, b] = await Promise.all([client.chat(request, ctx), client.chat(request, ctx)]);
    expect([a?.replayed, b?.replayed]).toEqual([false, false]);
    expect((await usage('twice')).totals.requests).toBe(2);
    const spend = await client.jobSpend({ tenant: 'twice', jobId: 'job-twice' });
    expect(spend.billed.requests).toBe(2);
    expect(spend.billed.costNanoUsd).toBe(a.costNanoUsd + b.costNanoUsd);
    // Whichever answered second repeats the first (temperature 1: their lengths may differ).
    expect(spend.repeated).toMatchObject({ requests: 1, inputTokens: a.usage.inputTokens });
    expect([a.costNanoUsd, b.costNanoUsd]).toContain(spend.repeated.costNanoUsd);
  });

  it('an attempt aborted in flight is an unknown outcome; one the provider refused (5xx) is not', async () => {
    const ctx = { tenant: 'lost', jobType: 'inference', jobId: 'job-lost' };
    const request = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'A slow question.' }], max_tokens: 20 };
    const controller = new AbortController();
    const slow = client.chat(request, { ...ctx, idempotencyKey: 'job-lost:1', signal: controller.signal }).catch((e: unknown) => e);
    setTimeout(() => controller.abort(new Error('shutdown')), 10);
    expect(await slow).toBeInstanceOf(Error);
    sim.configure({ failRate5xx: 1 });
    const refused = await client.chat(request, { ...ctx, idempotencyKey: 'job-lost:2', retry: { maxAttempts: 2, baseDelayMs: 1 } }).catch((e: unknown) => e);
    sim.configure({ failRate5xx: 0 });
    expect(refused).toBeInstanceOf(Error);
    const spend = await client.jobSpend({ tenant: 'lost', jobId: 'job-lost' });
    expect(spend).toMatchObject({ unknownOutcome: 1, billed: { requests: 0 } });
    // Declared once: asking again does not count it again.
    expect((await client.jobSpend({ tenant: 'lost', jobId: 'job-lost' })).unknownOutcome).toBe(1);
  });

  it('released answers are not kept: the same call is sent again (and billed again)', async () => {
    const ctx = { tenant: 'release', jobType: 'ingest', jobId: 'job-release', idempotencyKey: 'job-release:batch-0' };
    const first = await client.embed(['alpha', 'beta'], { ...ctx, model: 'text-embedding-3-small' });
    await client.release(ctx, first.calls);
    const since = sim.log.latestId;
    const second = await client.embed(['alpha', 'beta'], { ...ctx, model: 'text-embedding-3-small' });
    expect(second.usage.replayed).toBe(0);
    expect(sim.log.list(since).filter((e) => e.status === 200)).toHaveLength(1);
    expect((await usage('release')).totals.requests).toBe(2);
  });
});
