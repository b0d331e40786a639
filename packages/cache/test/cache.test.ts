import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteKeys, uniquePrefix } from '@llmops/testing';
import { canonicalize, consumeDocChanges, createSemanticCache, decanonicalize, type SemanticCache } from '../src';

const url = 'redis://127.0.0.1:6379';
let redis: Redis;
let prefix: string;
let cache: SemanticCache;

beforeAll(() => {
  redis = new Redis(url);
  prefix = uniquePrefix('cache');
  cache = createSemanticCache({ redis, prefix, ttlSeconds: 600 });
});
afterAll(async () => {
  await deleteKeys(url, prefix);
  redis.disconnect();
});

const scopeInput = { tenant: 'alice', model: 'gpt-4o-mini', parameters: { temperature: 0 }, system: 'be brief' };
const usage = { inputTokens: 10, outputTokens: 5 };
const vec = (...xs: number[]) => Float32Array.from(xs);

describe('semantic cache', () => {
  it('answers the same prompt exactly, regardless of case and spacing', async () => {
    const scope = cache.scopeOf(scopeInput);
    await cache.store('alice', scope, { prompt: 'What is  Redis?', answer: 'A store.', usage, costNanoUsd: 100n, origin: 'j:1' });
    const hit = await cache.lookupExact('alice', scope, 'what is redis?');
    expect(hit?.entry.answer).toBe('A store.');
    expect(hit?.kind).toBe('exact');
    expect(await cache.lookupExact('alice', scope, 'what is postgres?')).toBeUndefined();
  });

  it('finds a similar prompt above the threshold and not below it', async () => {
    const scope = cache.scopeOf({ ...scopeInput, system: 'semantic' });
    await cache.store('alice', scope, { prompt: 'p1', answer: 'a1', vector: vec(1, 0, 0), usage, costNanoUsd: 1n, origin: 'j:1' });
    await cache.store('alice', scope, { prompt: 'p2', answer: 'a2', vector: vec(0, 1, 0), usage, costNanoUsd: 1n, origin: 'j:1' });
    const hit = await cache.lookupSimilar('alice', scope, vec(0.95, 0.1, 0), 0.9);
    expect(hit?.entry.answer).toBe('a1');
    expect(hit?.similarity).toBeGreaterThan(0.9);
    expect(await cache.lookupSimilar('alice', scope, vec(0.7, 0.7, 0), 0.9)).toBeUndefined();
  });

  it('keeps scopes apart: another tenant, model or parameters never hits', async () => {
    const scope = cache.scopeOf({ ...scopeInput, system: 'iso' });
    await cache.store('alice', scope, { prompt: 'secret plan', answer: 'x', vector: vec(0, 0, 1), usage, costNanoUsd: 1n, origin: 'j:1' });
    const bobScope = cache.scopeOf({ ...scopeInput, system: 'iso', tenant: 'bob' });
    expect(bobScope).not.toBe(scope);
    expect(await cache.lookupExact('bob', bobScope, 'secret plan')).toBeUndefined();
    expect(await cache.lookupSimilar('bob', bobScope, vec(0, 0, 1), 0.5)).toBeUndefined();
    // Even handed alice's scope id, bob gets nothing: entries carry their tenant.
    expect(await cache.lookupExact('bob', scope, 'secret plan')).toBeUndefined();
    const hotter = cache.scopeOf({ ...scopeInput, system: 'iso', parameters: { temperature: 1 } });
    expect(await cache.lookupExact('alice', hotter, 'secret plan')).toBeUndefined();
  });

  it('drops entries citing a document when the ingestion stream says it changed', async () => {
    const scope = cache.scopeOf({ ...scopeInput, collection: 'handbook' });
    const sources = [{ collection: 'handbook', documentId: 'doc-1', chunkId: 'c1' }];
    await cache.store('alice', scope, { prompt: 'leave policy?', answer: '20 days', vector: vec(1, 1, 0), sources, usage, costNanoUsd: 1n, origin: 'j:1' });
    await cache.store('alice', scope, { prompt: 'other?', answer: 'y', vector: vec(0, 1, 1), usage, costNanoUsd: 1n, origin: 'j:1' });
    expect(await cache.lookupSimilar('alice', scope, vec(1, 1, 0), 0.9)).toBeDefined();
    await redis.xadd(`${prefix}:docs:changed`, '*', 'tenant', 'alice', 'collection', 'handbook', 'documentId', 'doc-1', 'change', 'updated');
    expect(await consumeDocChanges({ redis, prefix, cache, consumer: 'test' })).toBe(1);
    expect(await cache.lookupExact('alice', scope, 'leave policy?')).toBeUndefined();
    expect(await cache.lookupSimilar('alice', scope, vec(1, 1, 0), 0.9)).toBeUndefined();
    expect(await cache.lookupExact('alice', scope, 'other?')).toBeDefined();
    expect((await cache.stats.read('alice')).entriesInvalidated).toBe(1);
  });

  it('counts hits, misses and dollars saved per tenant', async () => {
    await cache.stats.record('carol', { kind: 'miss' });
    await cache.stats.record('carol', { kind: 'semantic', similarity: 0.9, savedInputTokens: 10, savedOutputTokens: 5, savedNanoUsd: 1_500_000_000n });
    const stats = await cache.stats.read('carol');
    expect(stats).toMatchObject({ lookups: 2, semanticHits: 1, misses: 1, hitRate: 0.5, savedUsd: '1.500000000', savedInputTokens: 10 });
    expect((await cache.stats.read('dave')).lookups).toBe(0);
  });
});

describe('canonical tokens', () => {
  it("maps one asker's tokens onto another's by type and order", () => {
    const first = canonicalize('Mail <EMAIL_7> and <PERSON_3>, cc <EMAIL_2>');
    const second = canonicalize('mail <EMAIL_1> and <PERSON_9>, cc <EMAIL_4>');
    expect(first.text).toBe('Mail <EMAIL_1> and <PERSON_1>, cc <EMAIL_2>');
    expect(second.text.toLowerCase()).toBe(first.text.toLowerCase());
    expect(decanonicalize('Sent to <EMAIL_1> for <PERSON_1>', second.toOriginal)).toBe('Sent to <EMAIL_1> for <PERSON_9>');
    expect(decanonicalize('Sent to <EMAIL_3>', second.toOriginal)).toBeUndefined();
  });
});

describe('literal guard', () => {
  it('refuses a similar prompt whose numbers differ, accepts one whose numbers match', async () => {
    const scope = cache.scopeOf({ ...scopeInput, system: 'literals' });
    await cache.store('alice', scope, { prompt: 'status of pump station 1', answer: 'ok', vector: vec(1, 0.1, 0), usage, costNanoUsd: 1n, origin: 'j:1' });
    expect(await cache.lookupSimilar('alice', scope, vec(1, 0.1, 0), 0.9, 'status of pump station 14')).toBeUndefined();
    expect((await cache.lookupSimilar('alice', scope, vec(1, 0.1, 0), 0.9, 'Status of pump station 1, please'))?.entry.answer).toBe('ok');
  });
});
