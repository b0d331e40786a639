import { countChatTokens } from '@llmops/tokens';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BATCH_WINDOW_MS,
  BudgetExhaustedError,
  createLlmClient,
  FatalError,
  type LlmClient,
  type SpendActual,
  type SpendGuard,
  type SpendHold,
  type SpendRequest,
} from '../src/index';
import { waitFor } from '@llmops/testing';
import { cleanup, connect, uniquePrefix } from './helpers';
import { startSimulator, type Simulator } from './sim';

/** A guard that records what the client asks and refuses when told to (the Redis one lives in @llmops/limits). */
function recordingGuard() {
  const reserved: SpendRequest[] = [];
  const settled: { id: string; actual: SpendActual }[] = [];
  let refuse = false;
  let n = 0;
  const guard: SpendGuard = {
    async reserve(request) {
      reserved.push(request);
      if (refuse) {
        return {
          ok: false,
          refusal: {
            limit: 'budget.day.usd',
            period: 'day',
            unit: 'usd',
            cap: '0.050000000',
            spent: '0.049000000',
            reserved: '0.000000000',
            remaining: '0.001000000',
            requested: '0.002000000',
          },
        };
      }
      return { ok: true, hold: { tenant: request.tenant, id: `h${++n}` } };
    },
    async settle(hold, actual) {
      settled.push({ id: hold.id, actual });
    },
  };
  return { guard, reserved, settled, refuseFromNowOn: (value: boolean) => (refuse = value) };
}

describe('spend hook: every provider attempt is held before it is sent and settled after', () => {
  let redis: Redis;
  let sim: Simulator;
  let client: LlmClient;
  const prefix = uniquePrefix('spend-hook');
  const spy = recordingGuard();
  beforeAll(async () => {
    redis = connect();
    sim = await startSimulator({ retryAfterMs: 5, batchDelayMs: 100 });
    client = createLlmClient({
      redis,
      providers: { providers: [{ name: 'sim', baseURL: sim.baseURL }] },
      limiter: false,
      ledger: { keyPrefix: prefix },
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
      spend: spy.guard,
    });
  });
  afterAll(async () => {
    await client?.close();
    await sim?.close();
    await cleanup(redis, prefix);
    redis.disconnect();
  });

  const messages = [{ role: 'user' as const, content: 'Name three rivers in Europe.' }];

  it('holds prompt + max_tokens at list price, then settles with the counted cost', async () => {
    const before = spy.reserved.length;
    const result = await client.chat(
      { model: 'gpt-4o-mini', messages, max_tokens: 50 },
      { tenant: 'acme', jobType: 'inference', jobId: 'j1', idempotencyKey: 'j1:a' },
    );
    const prompt = countChatTokens(messages, 'gpt-4o-mini');
    // gpt-4o-mini: 150 nano-USD per input token, 600 per output token.
    expect(spy.reserved.slice(before)).toEqual([
      { tenant: 'acme', jobId: 'j1', model: 'gpt-4o-mini', estimatedNanoUsd: BigInt(prompt * 150 + 50 * 600), estimatedTokens: prompt + 50 },
    ]);
    expect(spy.settled.at(-1)?.actual).toEqual({ nanoUsd: result.costNanoUsd, tokens: result.usage.inputTokens + result.usage.outputTokens });
  });

  it('holds the model maximum output (16,384 for gpt-4o-mini) when no max_tokens is set', async () => {
    const before = spy.reserved.length;
    await client.chat({ model: 'gpt-4o-mini', messages }, { tenant: 'acme', jobType: 'inference' });
    expect(spy.reserved[before]?.estimatedTokens).toBe(countChatTokens(messages, 'gpt-4o-mini') + 16_384);
  });

  it('a replayed call holds nothing and sends nothing (its answer comes from the journal)', async () => {
    await client.chat({ model: 'gpt-4o-mini', messages, max_tokens: 10 }, { tenant: 'acme', jobType: 'inference', idempotencyKey: 'replayed' });
    const reserved = spy.reserved.length;
    const settled = spy.settled.length;
    const since = sim.log.latestId;
    const again = await client.chat({ model: 'gpt-4o-mini', messages, max_tokens: 10 }, { tenant: 'acme', jobType: 'inference', idempotencyKey: 'replayed' });
    expect(again.replayed).toBe(true);
    expect([spy.reserved.length, spy.settled.length, sim.log.list(since).length]).toEqual([reserved, settled, 0]);
  });

  it('an attempt that got a 429 is settled at zero and the retry holds again', async () => {
    sim.configure({ failRate429: 1 });
    const settledBefore = spy.settled.length;
    const reservedBefore = spy.reserved.length;
    const pending = client.chat({ model: 'gpt-4o-mini', messages, max_tokens: 10 }, { tenant: 'acme', jobType: 'inference' });
    // Let a few 429s happen, then answer.
    await new Promise<void>((resolve) => {
      const check = () => (spy.reserved.length - reservedBefore >= 2 ? resolve() : setImmediate(check));
      check();
    });
    sim.configure({ failRate429: 0 });
    const result = await pending;
    expect(result.attempts).toBeGreaterThan(1);
    const mine = spy.settled.slice(settledBefore);
    expect(mine).toHaveLength(result.attempts);
    expect(mine.slice(0, -1).every((s) => s.actual.nanoUsd === 0n)).toBe(true);
    expect(mine.at(-1)?.actual.nanoUsd).toBe(result.costNanoUsd);
  });

  it('a refusal throws BudgetExhaustedError (fatal, reason budget_exhausted) and sends nothing', async () => {
    spy.refuseFromNowOn(true);
    const since = sim.log.latestId;
    const error = await client
      .chat({ model: 'gpt-4o-mini', messages, max_tokens: 10 }, { tenant: 'acme', jobType: 'inference', jobId: 'j2' })
      .catch((e: unknown) => e);
    spy.refuseFromNowOn(false);
    expect(error).toBeInstanceOf(BudgetExhaustedError);
    expect(error).toBeInstanceOf(FatalError);
    expect((error as BudgetExhaustedError).reason).toBe('budget_exhausted');
    expect((error as BudgetExhaustedError).refusal).toMatchObject({ limit: 'budget.day.usd', remaining: '0.001000000' });
    expect(sim.log.list(since).filter((e) => e.path.endsWith('/chat/completions'))).toHaveLength(0);
  });

  it('embeddings hold each packed request at its exact cost', async () => {
    const before = spy.reserved.length;
    const result = await client.embed(['alpha beta', 'gamma delta'], { tenant: 'acme', jobType: 'ingest', model: 'text-embedding-3-small' });
    const holds = spy.reserved.slice(before);
    expect(holds).toHaveLength(1);
    expect(holds[0]?.estimatedNanoUsd).toBe(result.costNanoUsd);
    expect(spy.settled.at(-1)?.actual.nanoUsd).toBe(result.costNanoUsd);
  });

  it('a batch holds its whole worst case at batch prices for its whole wait, and settles once', async () => {
    const before = spy.reserved.length;
    const settledBefore = spy.settled.length;
    const items = [0, 1, 2].map((i) => ({
      customId: `c${i}`,
      body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: `question ${i}` }], max_tokens: 20 },
    }));
    const result = await client.runBatch(items, { tenant: 'acme', jobType: 'evaluation', pollIntervalMs: 50, maxWaitMs: 60_000 });
    const prompt = items.reduce((n, item) => n + countChatTokens(item.body.messages, 'gpt-4o-mini'), 0);
    // Batch prices of gpt-4o-mini: 75 and 300 nano-USD per input and output token.
    expect(spy.reserved.slice(before)).toEqual([
      { tenant: 'acme', model: 'gpt-4o-mini', estimatedNanoUsd: BigInt(prompt * 75 + 60 * 300), estimatedTokens: prompt + 60, ttlMs: 60_000 + 3_600_000 },
    ]);
    expect(spy.settled.slice(settledBefore)).toEqual([
      { id: expect.any(String), actual: { nanoUsd: result.costNanoUsd, tokens: result.usage.inputTokens + result.usage.outputTokens } },
    ]);
  });

  it('step mode: the batch is submitted and checked once; its hold is kept while it runs and settled once when done', async () => {
    const before = spy.reserved.length;
    const settledBefore = spy.settled.length;
    const items = [0, 1].map((i) => ({
      customId: `s${i}`,
      body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: `step question ${i}` }], max_tokens: 20 },
    }));
    let saved: { batchId: string; hold: SpendHold | undefined } | undefined;
    const first = await client.runBatch(items, {
      tenant: 'acme',
      jobType: 'inference',
      step: true,
      onSubmitted: (batchId, hold) => void (saved = { batchId, hold }),
    });
    expect(first).toMatchObject({ pending: true, succeeded: [], costNanoUsd: 0n });
    expect(saved?.hold).toBeDefined();
    // Held for the provider's whole window (plus an hour to read the files), and not settled yet.
    expect(spy.reserved.slice(before).map((request) => request.ttlMs)).toEqual([BATCH_WINDOW_MS + 3_600_000]);
    expect(spy.settled.length).toBe(settledBefore);

    const done = await waitFor(
      async () => {
        const check = await client.runBatch(items, {
          tenant: 'acme',
          jobType: 'inference',
          step: true,
          resumeBatchId: saved!.batchId,
          resumeHold: saved!.hold,
        });
        return check.pending ? undefined : check;
      },
      { what: 'the batch done' },
    );
    expect(done.succeeded.map((s) => s.customId)).toEqual(['s0', 's1']);
    // No second hold for the checks; the first one settled once, with what was billed.
    expect(spy.reserved.length).toBe(before + 1);
    expect(spy.settled.slice(settledBefore)).toEqual([
      { id: saved!.hold!.id, actual: { nanoUsd: done.costNanoUsd, tokens: done.usage.inputTokens + done.usage.outputTokens } },
    ]);
  });
});
