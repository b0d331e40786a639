import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteKeys, uniquePrefix, waitFor } from '@llmops/testing';
import { eq } from '@llmops/vector';
import { cacheCollectionName, consumeDocChanges, type Verifier } from '../src';
import { EMBED_A, atSimilarity, redisUrl, replica, tilted, usage, type StoreHarness } from './helpers';

type Replica = Awaited<ReturnType<typeof replica>>;

/** The behaviour the semantic cache must show on every vector-store adapter. */
export function semanticCacheContract(label: string, makeHarness: () => Promise<StoreHarness>): void {
  describe(`semantic cache on ${label}`, () => {
    let harness: StoreHarness;
    let prefix: string;
    const replicas: Replica[] = [];
    let a: Replica;
    let b: Replica;
    const open = async (options: Parameters<typeof replica>[2] = {}) => {
      const r = await replica(prefix, harness, options);
      replicas.push(r);
      return r;
    };
    const input = (system: string, tenant = 'alice') => ({ tenant, model: 'gpt-4o-mini', parameters: { temperature: 0 }, system });
    const pointsOf = (r: Replica, tenant: string, scope: string) =>
      r.vectors.forTenant(tenant).count(cacheCollectionName(r.cache.embedding), eq('metadata.scope', scope));

    beforeAll(async () => {
      harness = await makeHarness();
      prefix = uniquePrefix(`cache-${label.replace(/\W+/g, '-')}`);
      a = await open();
      b = await open();
    });
    afterAll(async () => {
      for (const r of replicas) await r.close();
      await deleteKeys(redisUrl, prefix);
      await harness.cleanup?.();
    });

    it('answers the same prompt exactly, regardless of case and spacing', async () => {
      const scope = a.cache.scopeOf(input('exact'));
      await a.cache.store('alice', scope, { prompt: 'What is  Redis?', answer: 'A store.', usage, costNanoUsd: 100n, origin: 'j:1' });
      const hit = await b.cache.lookupExact('alice', scope, 'what is redis?');
      expect(hit?.entry.answer).toBe('A store.');
      expect(hit?.kind).toBe('exact');
      expect(await b.cache.lookupExact('alice', scope, 'what is postgres?')).toBeUndefined();
    });

    it('finds a similar prompt at or above the threshold with its exact cosine, and nothing below', async () => {
      const scope = a.cache.scopeOf(input('similar'));
      await a.cache.store('alice', scope, { prompt: 'p1', answer: 'a1', vector: tilted(0, 7, 0), usage, costNanoUsd: 1n, origin: 'j:1' });
      await a.cache.store('alice', scope, { prompt: 'p2', answer: 'a2', vector: tilted(1, 7, 0), usage, costNanoUsd: 1n, origin: 'j:1' });
      const { hit } = await b.cache.lookupSimilar('alice', scope, atSimilarity(0, 2, 0.93), { threshold: 0.9, prompt: 'q1' });
      expect(hit?.entry.answer).toBe('a1');
      expect(hit?.similarity).toBeCloseTo(0.93, 4);
      expect((await b.cache.lookupSimilar('alice', scope, atSimilarity(0, 2, 0.93), { threshold: 0.95, prompt: 'q1' })).hit).toBeUndefined();
    });

    it("replicas see each other's entries as soon as a store resolves", async () => {
      const scope = a.cache.scopeOf(input('replicas'));
      for (let i = 0; i < 6; i++) {
        const [writer, reader] = i % 2 === 0 ? [a, b] : [b, a];
        await writer.cache.store('alice', scope, {
          prompt: `question ${i}`,
          answer: `answer ${i}`,
          vector: tilted(i, 7, 0.05),
          usage,
          costNanoUsd: 1n,
          origin: `j:${i}`,
        });
        expect((await reader.cache.lookupExact('alice', scope, `question ${i}`))?.entry.answer).toBe(`answer ${i}`);
        const { hit } = await reader.cache.lookupSimilar('alice', scope, tilted(i, 7, 0.05), { threshold: 0.99, prompt: `question ${i}` });
        expect(hit?.entry.answer).toBe(`answer ${i}`);
      }
    });

    it('never loses an entry stored while other lookups run', async () => {
      const scope = a.cache.scopeOf(input('concurrent'));
      let storing = true;
      let lookups = 0;
      const reader = (async () => {
        while (storing) {
          await b.cache.lookupSimilar('alice', scope, tilted(lookups % 8, (lookups + 3) % 8, 0.3), { threshold: 0.5, prompt: 'probe' });
          lookups += 1;
        }
      })();
      const stored = Array.from({ length: 40 }, (_, i) => ({ prompt: `concurrent ${i}`, vector: tilted(i % 8, (i + 1) % 8, 0.01 * (i + 1)) }));
      for (let i = 0; i < stored.length; i += 8) {
        await Promise.all(stored.slice(i, i + 8).map((s) => a.cache.store('alice', scope, { ...s, answer: s.prompt, usage, costNanoUsd: 1n, origin: 'j' })));
      }
      storing = false;
      await reader;
      expect(lookups).toBeGreaterThan(0);
      expect(await pointsOf(b, 'alice', scope)).toBe(40);
      for (const s of stored) {
        expect((await b.cache.lookupExact('alice', scope, s.prompt))?.entry.answer).toBe(s.prompt);
        expect((await b.cache.lookupSimilar('alice', scope, s.vector, { threshold: 0.9999, prompt: s.prompt })).hit?.entry.answer).toBe(s.prompt);
      }
    });

    it('a model change never serves an old-model entry', async () => {
      const other = await open({ embedding: { model: 'test-embed-b', dimensions: 8 } });
      const wider = await open({ embedding: { model: EMBED_A.model, dimensions: 16 } });
      const scope = a.cache.scopeOf(input('model-change'));
      const vector = tilted(3, 4, 0.1);
      await a.cache.store('alice', scope, { prompt: 'old model prompt', answer: 'old', vector, usage, costNanoUsd: 1n, origin: 'j' });
      const newScope = other.cache.scopeOf(input('model-change'));
      expect(newScope).not.toBe(scope);
      expect(wider.cache.scopeOf(input('model-change'))).not.toBe(scope);
      expect(await other.cache.lookupExact('alice', newScope, 'old model prompt')).toBeUndefined();
      expect((await other.cache.lookupSimilar('alice', newScope, vector, { threshold: 0.5, prompt: 'old model prompt' })).hit).toBeUndefined();
      // Even handed the old scope id, the new embedding searches only its own collection.
      expect((await other.cache.lookupSimilar('alice', scope, vector, { threshold: 0.5, prompt: 'old model prompt' })).hit).toBeUndefined();
      await expect(wider.cache.lookupSimilar('alice', scope, vector, { threshold: 0.5, prompt: 'x' })).rejects.toBeInstanceOf(RangeError);
      // The old scope's points leave the store once they expire.
      expect(await pointsOf(a, 'alice', scope)).toBe(1);
      await other.cache.housekeeping(Date.now() + 8 * 86_400_000);
      expect(await pointsOf(a, 'alice', scope)).toBe(0);
    });

    it('entries expire: gone from exact lookups, then swept out of the vector store, and the scope forgotten', async () => {
      const short = await open({ ttlSeconds: 1 });
      const scope = short.cache.scopeOf(input('ttl'));
      await short.cache.store('alice', scope, { prompt: 'short lived', answer: 'x', vector: tilted(5, 6, 0.2), usage, costNanoUsd: 1n, origin: 'j' });
      expect(await pointsOf(short, 'alice', scope)).toBe(1);
      await waitFor(async () => (await short.cache.lookupExact('alice', scope, 'short lived')) === undefined, { what: 'the entry to expire' });
      expect((await short.cache.lookupSimilar('alice', scope, tilted(5, 6, 0.2), { threshold: 0.9, prompt: 'short lived' })).hit).toBeUndefined();
      const run = await short.cache.housekeeping(Date.now() + 1_000);
      expect(run.expired).toBeGreaterThanOrEqual(1);
      expect(await pointsOf(short, 'alice', scope)).toBe(0);
      expect(await short.redis.hexists(`${prefix}:cache:scopes`, scope)).toBe(0);
    });

    it('a scope over its cap evicts the least recently used entry', async () => {
      const capped = await open({ maxEntriesPerScope: 3 });
      const scope = capped.cache.scopeOf(input('cap'));
      const store = (i: number) =>
        capped.cache.store('alice', scope, { prompt: `p${i}`, answer: `a${i}`, vector: tilted(i, 7, 0.02), usage, costNanoUsd: 1n, origin: 'j' });
      for (const i of [1, 2, 3]) await store(i);
      expect(await capped.cache.lookupExact('alice', scope, 'p1')).toBeDefined(); // p1 used: p2 is now the least recently used
      await store(4);
      expect(await capped.cache.lookupExact('alice', scope, 'p2')).toBeUndefined();
      for (const p of ['p1', 'p3', 'p4']) expect(await capped.cache.lookupExact('alice', scope, p)).toBeDefined();
      expect((await capped.cache.lookupSimilar('alice', scope, tilted(2, 7, 0.02), { threshold: 0.99, prompt: 'p2' })).hit).toBeUndefined();
      expect(await pointsOf(capped, 'alice', scope)).toBe(3);
      expect((await capped.cache.stats.read('alice')).entriesEvicted).toBeGreaterThanOrEqual(1);
    });

    it('keeps scopes apart: another tenant, model or parameters never hits', async () => {
      const scope = a.cache.scopeOf(input('iso'));
      await a.cache.store('alice', scope, { prompt: 'secret plan', answer: 'x', vector: tilted(6, 0, 0), usage, costNanoUsd: 1n, origin: 'j:1' });
      const bobScope = a.cache.scopeOf(input('iso', 'bob'));
      expect(bobScope).not.toBe(scope);
      expect(await b.cache.lookupExact('bob', bobScope, 'secret plan')).toBeUndefined();
      expect((await b.cache.lookupSimilar('bob', bobScope, tilted(6, 0, 0), { threshold: 0.5, prompt: 'secret plan' })).hit).toBeUndefined();
      // Even handed alice's scope id, bob gets nothing: the store filters by tenant, entries carry theirs.
      expect(await b.cache.lookupExact('bob', scope, 'secret plan')).toBeUndefined();
      expect((await b.cache.lookupSimilar('bob', scope, tilted(6, 0, 0), { threshold: 0.5, prompt: 'secret plan' })).hit).toBeUndefined();
      const hotter = a.cache.scopeOf({ ...input('iso'), parameters: { temperature: 1 } });
      expect(await a.cache.lookupExact('alice', hotter, 'secret plan')).toBeUndefined();
    });

    it('drops entries citing a document when the ingestion stream says it changed', async () => {
      const scope = a.cache.scopeOf({ ...input('docs'), collection: 'handbook' });
      const sources = [{ collection: 'handbook', documentId: 'doc-1', chunkId: 'c1' }];
      await a.cache.store('alice', scope, {
        prompt: 'leave policy?',
        answer: '20 days',
        vector: tilted(1, 2, 0.1),
        sources,
        usage,
        costNanoUsd: 1n,
        origin: 'j:1',
      });
      await a.cache.store('alice', scope, { prompt: 'other?', answer: 'y', vector: tilted(2, 3, 0.1), usage, costNanoUsd: 1n, origin: 'j:1' });
      expect((await b.cache.lookupSimilar('alice', scope, tilted(1, 2, 0.1), { threshold: 0.9, prompt: 'leave policy?' })).hit).toBeDefined();
      await a.redis.xadd(`${prefix}:docs:changed`, '*', 'tenant', 'alice', 'collection', 'handbook', 'documentId', 'doc-1', 'change', 'updated');
      expect(await consumeDocChanges({ redis: b.redis, prefix, cache: b.cache, consumer: 'test' })).toBe(1);
      expect(await b.cache.lookupExact('alice', scope, 'leave policy?')).toBeUndefined();
      expect((await b.cache.lookupSimilar('alice', scope, tilted(1, 2, 0.1), { threshold: 0.9, prompt: 'leave policy?' })).hit).toBeUndefined();
      expect(await b.cache.lookupExact('alice', scope, 'other?')).toBeDefined();
      expect(await pointsOf(a, 'alice', scope)).toBe(1);
      expect((await b.cache.stats.read('alice')).entriesInvalidated).toBe(1);
    });

    it('refuses a similar prompt whose numbers differ, accepts one whose numbers match', async () => {
      const scope = a.cache.scopeOf(input('literals'));
      await a.cache.store('alice', scope, {
        prompt: 'status of pump station 1',
        answer: 'ok',
        vector: tilted(4, 5, 0.1),
        usage,
        costNanoUsd: 1n,
        origin: 'j:1',
      });
      expect((await b.cache.lookupSimilar('alice', scope, tilted(4, 5, 0.1), { threshold: 0.9, prompt: 'status of pump station 14' })).hit).toBeUndefined();
      expect(
        (await b.cache.lookupSimilar('alice', scope, tilted(4, 5, 0.1), { threshold: 0.9, prompt: 'Status of pump station 1, please' })).hit?.entry.answer,
      ).toBe('ok');
    });

    it('gray band: candidates near the threshold are served only when the verifier confirms them', async () => {
      const scope = a.cache.scopeOf(input('gray'));
      await a.cache.store('alice', scope, { prompt: 'stored question', answer: 'stored answer', vector: tilted(0, 7, 0), usage, costNanoUsd: 1n, origin: 'j' });
      const asked: string[] = [];
      const verifier =
        (same: boolean): Verifier =>
        async (question, candidate) => {
          asked.push(`${question} ~ ${candidate}`);
          return { same, costNanoUsd: 7n };
        };
      const lookup = (similarity: number, mode: 'below' | 'around', same: boolean) =>
        b.cache.lookupSimilar('alice', scope, atSimilarity(0, 1, similarity), {
          threshold: 0.9,
          prompt: 'asked question',
          verification: { policy: { mode, band: 0.05, model: 'small', minScore: 9 }, verify: verifier(same) },
        });
      const confirmed = await lookup(0.87, 'below', true);
      expect(confirmed.hit?.entry.answer).toBe('stored answer');
      expect(confirmed.verification).toEqual({ confirmed: 1, rejected: 0, costNanoUsd: 7n });
      const rejected = await lookup(0.87, 'below', false);
      expect(rejected.hit).toBeUndefined();
      expect(rejected.verification).toEqual({ confirmed: 0, rejected: 1, costNanoUsd: 7n });
      expect((await lookup(0.83, 'below', true)).hit).toBeUndefined(); // under the band: never asked
      expect((await lookup(0.92, 'below', false)).hit).toBeDefined(); // over the threshold: served unasked
      expect((await lookup(0.92, 'around', false)).hit).toBeUndefined(); // stricter: just over it is checked too
      expect(asked).toEqual(['asked question ~ stored question', 'asked question ~ stored question', 'asked question ~ stored question']);
    });

    it('a wrong hit reported once is never served again, and shows in the stats', async () => {
      const scope = a.cache.scopeOf(input('feedback', 'fb-tenant'));
      const stored = {
        prompt: 'Which goods were imported in Laos in 2019?',
        answer: 'Laos answer',
        vector: tilted(2, 5, 0),
        usage,
        costNanoUsd: 9n,
        origin: 'j0:i0',
      };
      await a.cache.store('fb-tenant', scope, stored);
      const asked = 'Which goods were imported in Switzerland in 2019?';
      const askedVector = atSimilarity(2, 3, 0.965); // bin 0.96 whatever float32 rounding does
      const first = await b.cache.lookupSimilar('fb-tenant', scope, askedVector, { threshold: 0.9, prompt: asked });
      expect(first.hit?.entry.answer).toBe('Laos answer');
      await b.cache.feedback.recordHit('job-1', 'item-1', {
        tenant: 'fb-tenant',
        scope,
        entryId: first.hit!.entryId,
        kind: 'semantic',
        similarity: first.hit!.similarity,
        prompt: asked,
        entryPrompt: stored.prompt,
        embedding: EMBED_A,
      });
      expect(await a.cache.feedback.reportWrong('someone-else', 'job-1', 'item-1')).toEqual({ status: 'not-a-hit' });
      expect(await a.cache.feedback.reportWrong('fb-tenant', 'job-1', 'item-1')).toMatchObject({ status: 'reported', kind: 'semantic', entryRemoved: true });
      expect((await b.cache.lookupSimilar('fb-tenant', scope, askedVector, { threshold: 0.9, prompt: asked })).hit).toBeUndefined();
      // The Laos question is asked again and answered afresh: that entry still never answers the Swiss one...
      await a.cache.store('fb-tenant', scope, stored);
      expect((await b.cache.lookupSimilar('fb-tenant', scope, askedVector, { threshold: 0.9, prompt: asked })).hit).toBeUndefined();
      // ...but answers its own paraphrase.
      expect(
        (await b.cache.lookupSimilar('fb-tenant', scope, askedVector, { threshold: 0.9, prompt: 'Which goods were imported in Laos during 2019?' })).hit,
      ).toBeDefined();
      expect(await a.cache.feedback.reportWrong('fb-tenant', 'job-1', 'item-1')).toMatchObject({ status: 'already-reported' });
      const stats = await b.cache.stats.read('fb-tenant');
      expect(stats.wrongHits).toBe(1);
      expect(await b.cache.feedback.observed('fb-tenant', EMBED_A)).toEqual([{ similarity: 0.96, served: 1, wrong: 1 }]);
      expect(await b.cache.feedback.pairs('fb-tenant', EMBED_A)).toEqual([{ a: asked, b: stored.prompt, same: false }]);
    });
  });
}
