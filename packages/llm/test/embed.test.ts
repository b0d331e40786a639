import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countWithEncoding } from '@llmops/tokens';
import { createLlmClient, DEFAULT_EMBEDDING_LIMITS, InputTooLongError, packInputs, type LlmClient } from '../src/index';
import { cleanup, connect, uniquePrefix } from './helpers';
import { startSimulator, type Simulator } from './sim';

const MODEL = 'text-embedding-3-small';

describe('embed packing', () => {
  let redis: Redis;
  let sim: Simulator;
  let client: LlmClient;
  const prefix = uniquePrefix('embed');
  beforeAll(async () => {
    redis = connect();
    sim = await startSimulator({ logBodies: false });
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

  const embeddingRequests = (since: number) => sim.log.list(since).filter((e) => e.path === '/v1/embeddings');
  const lowerBound = (texts: string[]) => {
    const tokens = texts.reduce((n, t) => n + countWithEncoding(t, 'cl100k_base'), 0);
    return Math.max(Math.ceil(texts.length / DEFAULT_EMBEDDING_LIMITS.maxInputsPerRequest), Math.ceil(tokens / DEFAULT_EMBEDDING_LIMITS.maxTokensPerRequest));
  };

  it('embeds 100,000 short texts in the fewest requests the input cap allows, in input order', async () => {
    const texts = Array.from({ length: 100_000 }, (_, i) => `short text number ${i} about ${i % 7 === 0 ? 'cats' : 'dogs'}`);
    const since = sim.log.latestId;
    const result = await client.embed(texts, { model: MODEL, dimensions: 16, tenant: 't', jobType: 'ingest', idempotencyKey: 'big' });
    const requests = embeddingRequests(since);
    expect(requests.every((e) => e.status === 200)).toBe(true);
    expect(requests.length).toBe(result.usage.requests);
    expect(result.usage.requests).toBeLessThanOrEqual(lowerBound(texts) + 1);
    expect(result.vectors).toHaveLength(100_000);

    // Order: a vector fetched on its own equals the one at the same index in the big result.
    const probe = [0, 2047, 2048, 77_777, 99_999];
    const single = await client.embed(
      probe.map((i) => texts[i] ?? ''),
      { model: MODEL, dimensions: 16, tenant: 't', jobType: 'ingest' },
    );
    probe.forEach((index, k) => expect(result.vectors[index]).toEqual(single.vectors[k]));
  }, 120_000);

  it('packs by tokens per request when the texts are long', async () => {
    const paragraph = 'The quick brown fox jumps over the lazy dog while the committee reviews quarterly figures. ';
    const texts = Array.from({ length: 3_000 }, (_, i) => `${i} ${paragraph.repeat(30)}`);
    const since = sim.log.latestId;
    const result = await client.embed(texts, { model: MODEL, dimensions: 4, tenant: 't', jobType: 'ingest' });
    const requests = embeddingRequests(since);
    expect(requests.every((e) => e.status === 200)).toBe(true);
    // Token-bound here: 3,000 inputs would fit 2 requests by count, but not by tokens.
    expect(lowerBound(texts)).toBeGreaterThan(Math.ceil(3_000 / 2_048));
    expect(result.usage.requests).toBeLessThanOrEqual(lowerBound(texts) + 1);
    expect(result.usage.inputTokens).toBe(requests.reduce((n, e) => n + e.promptTokens, 0));
  }, 60_000);

  it('refuses an over-long input before sending anything', async () => {
    const since = sim.log.latestId;
    const texts = ['fine', 'word '.repeat(9_000), 'also fine'];
    const error = await client.embed(texts, { model: MODEL, tenant: 't', jobType: 'ingest' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputTooLongError);
    expect((error as InputTooLongError).index).toBe(1);
    expect(embeddingRequests(since)).toHaveLength(0);
  });

  it('next-fit packing stays within one request of the lower bound', () => {
    const limits = { maxInputsPerRequest: 10, maxTokensPerRequest: 100, maxTokensPerInput: 50 };
    const counts = Array.from({ length: 95 }, (_, i) => 1 + (i % 9));
    const packs = packInputs(counts, limits, 'm');
    const total = counts.reduce((a, b) => a + b, 0);
    expect(packs.flatMap((p) => p.indexes)).toEqual(counts.map((_, i) => i));
    expect(packs.every((p) => p.indexes.length <= 10 && p.tokens <= 100)).toBe(true);
    expect(packs.length).toBeLessThanOrEqual(Math.max(Math.ceil(95 / 10), Math.ceil(total / 100)) + 1);
  });
});
