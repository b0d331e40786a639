import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VectorStore } from '../src';
import { CollectionMismatchError, CollectionNotFoundError, InvalidVectorInputError, pointId } from '../src';
import { makePoint, near, randomUnit, rng, uniqueName } from './helpers';

/** How the contract suite gets a store of one adapter. */
export interface ContractHarness {
  /** A new store instance over the same backing storage each call (used to test reopening). */
  open(): Promise<VectorStore>;
  /** Whether data outlives a store instance (reopen test). */
  persistent: boolean;
  cleanup?(): Promise<void>;
}

const DIM = 16;

/** The behaviour every VectorStore adapter must show. */
export function vectorStoreContract(label: string, makeHarness: () => Promise<ContractHarness>): void {
  describe(`VectorStore contract: ${label}`, () => {
    let harness: ContractHarness;
    let store: VectorStore;
    const created: string[] = [];
    const collection = async (prefix: string, distance: 'cosine' | 'dot' | 'euclid' = 'cosine') => {
      const name = uniqueName(`ct-${prefix}`);
      created.push(name);
      await store.ensureCollection({ name, dimensions: DIM, distance, meta: { model: 'sim-embed-16' } });
      return name;
    };

    beforeAll(async () => {
      harness = await makeHarness();
      store = await harness.open();
    });
    afterAll(async () => {
      for (const name of created) await store.dropCollection(name).catch(() => undefined);
      await store.close();
      await harness.cleanup?.();
    });

    it('ensureCollection creates once, then accepts the same spec and rejects another model or size', async () => {
      const name = await collection('ensure');
      const again = await store.ensureCollection({ name, dimensions: DIM, distance: 'cosine', meta: { model: 'sim-embed-16' } });
      expect(again).toEqual({ name, dimensions: DIM, distance: 'cosine', meta: { model: 'sim-embed-16' } });
      await expect(store.ensureCollection({ name, dimensions: DIM + 1, meta: { model: 'sim-embed-16' } })).rejects.toBeInstanceOf(CollectionMismatchError);
      await expect(store.ensureCollection({ name, dimensions: DIM, meta: { model: 'other-model' } })).rejects.toBeInstanceOf(CollectionMismatchError);
      await expect(store.ensureCollection({ name, dimensions: DIM, distance: 'dot', meta: { model: 'sim-embed-16' } })).rejects.toBeInstanceOf(
        CollectionMismatchError,
      );
      expect(await store.describeCollection(name)).toEqual(again);
      expect((await store.listCollections()).map((c) => c.name)).toContain(name);
    });

    it('upsert is idempotent: the same ids twice leave the same count, with the latest payload', async () => {
      const name = await collection('idem');
      const t = store.forTenant('tenant-a');
      const next = rng(1);
      const points = Array.from({ length: 12 }, (_, i) => makePoint('tenant-a', name, 'doc-1', i, randomUnit(DIM, next)));
      expect(await t.upsert(name, points)).toEqual({ upserted: 12 });
      await t.upsert(
        name,
        points.map((p) => ({ ...p, payload: { ...p.payload, text: `v2 ${p.payload.chunkIndex}` } })),
      );
      expect(await t.count(name)).toBe(12);
      const listed = await t.listByDocument(name, 'doc-1');
      expect(listed.map((p) => p.payload.text)).toEqual(points.map((p) => `v2 ${p.payload.chunkIndex}`));
      // A batch repeating an id keeps the last copy instead of failing or duplicating.
      const first = points[0]!;
      await t.upsert(name, [first, { ...first, payload: { ...first.payload, text: 'last wins' } }]);
      expect(await t.count(name)).toBe(12);
      expect((await t.listByDocument(name, 'doc-1'))[0]?.payload.text).toBe('last wins');
    });

    it('search ranks the nearest point first and scores like Qdrant', async () => {
      const name = await collection('rank');
      const t = store.forTenant('tenant-a');
      const next = rng(2);
      const vectors = Array.from({ length: 40 }, () => randomUnit(DIM, next));
      await t.upsert(
        name,
        vectors.map((v, i) => makePoint('tenant-a', name, `doc-${i % 4}`, i, v)),
      );
      for (const target of [3, 17, 39]) {
        const hits = await t.search(name, { vector: near(vectors[target]!, next, 0.02), topK: 5 });
        expect(hits).toHaveLength(5);
        expect(hits[0]?.payload.chunkIndex).toBe(target);
        expect(hits[0]?.id).toBe(pointId('tenant-a', name, `doc-${target % 4}`, target));
        const scores = hits.map((h) => h.score);
        expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      }
      const exact = await t.search(name, { vector: vectors[5]!, topK: 1 });
      expect(exact[0]?.score).toBeCloseTo(1, 3);
    });

    it('dot and euclid collections rank nearest first with Qdrant score semantics', async () => {
      const dot = await collection('dot', 'dot');
      const euclid = await collection('l2', 'euclid');
      const t = store.forTenant('tenant-a');
      const base = Array.from({ length: DIM }, (_, i) => (i === 0 ? 1 : 0));
      const far = Array.from({ length: DIM }, (_, i) => (i === 1 ? 1 : 0));
      for (const c of [dot, euclid]) {
        await t.upsert(c, [
          makePoint(
            'tenant-a',
            c,
            'd',
            0,
            base.map((x) => x * 2),
          ),
          makePoint('tenant-a', c, 'd', 1, far),
        ]);
      }
      const dotHits = await t.search(dot, { vector: base, topK: 2 });
      expect(dotHits.map((h) => h.payload.chunkIndex)).toEqual([0, 1]);
      expect(dotHits[0]?.score).toBeCloseTo(2, 3);
      expect(dotHits[1]?.score).toBeCloseTo(0, 3);
      const l2Hits = await t.search(euclid, { vector: base, topK: 2 });
      expect(l2Hits.map((h) => h.payload.chunkIndex)).toEqual([0, 1]);
      expect(l2Hits[0]?.score).toBeCloseTo(1, 3); // |(2,0..) - (1,0..)| = 1
      expect(l2Hits[1]?.score).toBeCloseTo(Math.SQRT2, 3);
    });

    it('filters by document, metadata equality (typed), in-lists and AND', async () => {
      const name = await collection('filter');
      const t = store.forTenant('tenant-a');
      const next = rng(3);
      const meta = (i: number) => ({ lang: i % 2 === 0 ? 'en' : 'de', page: i % 3, draft: i % 5 === 0, code: String(i % 3), weight: i / 4 });
      await t.upsert(
        name,
        Array.from({ length: 30 }, (_, i) => makePoint('tenant-a', name, `doc-${i % 3}`, i, randomUnit(DIM, next), meta(i))),
      );
      const q = randomUnit(DIM, next);
      const all = await t.search(name, { vector: q, topK: 100, filter: { field: 'metadata.lang', eq: 'en' } });
      expect(all).toHaveLength(15);
      expect(all.every((h) => h.payload.metadata.lang === 'en')).toBe(true);
      expect(await t.count(name, { field: 'documentId', eq: 'doc-1' })).toBe(10);
      expect(await t.count(name, { field: 'documentId', in: ['doc-0', 'doc-2'] })).toBe(20);
      expect(await t.count(name, { field: 'metadata.page', eq: 1 })).toBe(10);
      // "1" (string) and 1 (number) are different values.
      expect(await t.count(name, { field: 'metadata.page', eq: '1' })).toBe(0);
      expect(await t.count(name, { field: 'metadata.code', eq: '1' })).toBe(10);
      expect(await t.count(name, { field: 'metadata.draft', eq: true })).toBe(6);
      expect(await t.count(name, { field: 'metadata.lang', in: [] })).toBe(0);
      expect(await t.count(name, { field: 'metadata.weight', eq: 0.25 })).toBe(1);
      // Mixed types in one list: 0.25 (i=1), 'de' matches nothing on weight, 2 (i=8).
      expect(await t.count(name, { field: 'metadata.weight', in: [0.25, 'de', 2, true] })).toBe(2);
      const both = { and: [{ field: 'metadata.lang' as const, eq: 'de' }, { field: 'metadata.page' as const, in: [0, 2] }, { and: [] }] };
      const hits = await t.search(name, { vector: q, topK: 100, filter: both });
      const expected = Array.from({ length: 30 }, (_, i) => i).filter((i) => i % 2 === 1 && i % 3 !== 1);
      expect(hits.map((h) => h.payload.chunkIndex).sort((a, b) => a - b)).toEqual(expected);
      await expect(t.count(name, { field: 'tenant', eq: 'tenant-b' } as never)).rejects.toBeInstanceOf(InvalidVectorInputError);
    });

    it('deletes by ids, by document and by filter, leaving the rest', async () => {
      const name = await collection('delete');
      const t = store.forTenant('tenant-a');
      const next = rng(4);
      const points = Array.from({ length: 20 }, (_, i) => makePoint('tenant-a', name, `doc-${i % 4}`, i, randomUnit(DIM, next), { keep: i % 2 === 0 }));
      await t.upsert(name, points);
      await t.deleteByIds(name, [points[0]!.id, points[1]!.id]);
      expect(await t.count(name)).toBe(18);
      await t.deleteByDocument(name, 'doc-2');
      expect(await t.listByDocument(name, 'doc-2')).toEqual([]);
      expect(await t.count(name)).toBe(13);
      await t.deleteByFilter(name, {
        and: [
          { field: 'documentId', eq: 'doc-3' },
          { field: 'metadata.keep', eq: false },
        ],
      });
      expect(await t.count(name, { field: 'documentId', eq: 'doc-3' })).toBe(0); // doc-3 = odd indexes only
      expect(await t.count(name)).toBe(8);
      const left = await t.search(name, { vector: points[1]!.vector, topK: 20 });
      expect(left.map((h) => h.id)).not.toContain(points[1]!.id);
    });

    it("isolates tenants: B never reads, counts, deletes or overwrites A's points, whatever the filter", async () => {
      const name = await collection('tenant');
      const a = store.forTenant('tenant-a');
      const b = store.forTenant('tenant-b');
      const next = rng(5);
      const aPoints = Array.from({ length: 10 }, (_, i) => makePoint('tenant-a', name, 'shared-doc', i, randomUnit(DIM, next), { lang: 'en' }));
      await a.upsert(name, aPoints);
      await b.upsert(name, [makePoint('tenant-b', name, 'b-doc', 0, randomUnit(DIM, next), { lang: 'en' })]);
      const probe = aPoints[3]!.vector as number[];
      const bHits = await b.search(name, { vector: probe, topK: 50, filter: { field: 'documentId', in: ['shared-doc', 'b-doc'] } });
      expect(bHits.map((h) => h.payload.documentId)).toEqual(['b-doc']);
      expect(await b.search(name, { vector: probe, topK: 50, filter: { field: 'documentId', eq: 'shared-doc' } })).toEqual([]);
      expect(await b.count(name)).toBe(1);
      expect(await b.listByDocument(name, 'shared-doc')).toEqual([]);
      await b.deleteByDocument(name, 'shared-doc');
      await b.deleteByIds(
        name,
        aPoints.map((p) => p.id),
      );
      await b.deleteByFilter(name, { field: 'metadata.lang', eq: 'en' });
      expect(await a.count(name)).toBe(10);
      // B forging A's ids cannot overwrite A's chunks.
      await b.upsert(name, [{ ...aPoints[0]!, payload: { ...aPoints[0]!.payload, text: 'forged' } }]);
      expect((await a.listByDocument(name, 'shared-doc'))[0]?.payload.text).toBe(aPoints[0]!.payload.text);
      expect(await b.search(name, { vector: probe, topK: 50 })).toEqual([]);
      // Quotes in filter values are data, never syntax.
      const injection = "x') OR (tenant = 'tenant-a') OR (document_id = 'shared-doc";
      expect(await b.count(name, { field: 'documentId', eq: injection })).toBe(0);
      expect(await b.count(name, { field: 'metadata.lang', in: [injection, "en' OR '1'='1"] })).toBe(0);
      expect(await a.count(name, { field: 'documentId', eq: injection })).toBe(0);
      expect(() => store.forTenant('')).toThrow(InvalidVectorInputError);
    });

    it('lists a document in chunk order with the payload as written', async () => {
      const name = await collection('list');
      const t = store.forTenant('tenant-a');
      const next = rng(6);
      const points = [5, 0, 3, 1].map((i) =>
        makePoint('tenant-a', name, 'doc-x', i, randomUnit(DIM, next), { lang: 'en', page: i, ok: true, score: 0.5 }, `text "${i}" it's`),
      );
      await t.upsert(name, [...points, makePoint('tenant-a', name, 'doc-y', 0, randomUnit(DIM, next))]);
      const listed = await t.listByDocument(name, 'doc-x');
      expect(listed.map((p) => p.payload.chunkIndex)).toEqual([0, 1, 3, 5]);
      const byIndex = new Map(points.map((p) => [p.payload.chunkIndex, p]));
      for (const p of listed) {
        expect(p).toEqual({ id: byIndex.get(p.payload.chunkIndex)!.id, payload: byIndex.get(p.payload.chunkIndex)!.payload });
      }
    });

    it('rejects bad input and unknown collections with typed errors', async () => {
      const name = await collection('bad');
      const t = store.forTenant('tenant-a');
      await expect(t.search(name, { vector: [1, 2, 3], topK: 1 })).rejects.toBeInstanceOf(InvalidVectorInputError);
      await expect(t.upsert(name, [makePoint('tenant-a', name, 'd', 0, [1, 2])])).rejects.toBeInstanceOf(InvalidVectorInputError);
      await expect(t.search(uniqueName('ct-missing'), { vector: new Array(DIM).fill(0.1), topK: 1 })).rejects.toBeInstanceOf(CollectionNotFoundError);
      expect(await store.describeCollection(uniqueName('ct-missing'))).toBeUndefined();
    });

    it('keyword indexes are accepted at creation without becoming part of the identity; exactScores gives exact cosines', async () => {
      const name = uniqueName('ct-kw');
      created.push(name);
      const spec = { name, dimensions: DIM, distance: 'cosine' as const, meta: { model: 'sim-embed-16' } };
      await store.ensureCollection({ ...spec, keywordIndexes: ['metadata.scope'] });
      expect(await store.ensureCollection(spec)).toEqual(spec);
      await expect(store.ensureCollection({ ...spec, keywordIndexes: ['metadata.bad key'] })).rejects.toBeInstanceOf(InvalidVectorInputError);
      const t = store.forTenant('tenant-a');
      const next = rng(8);
      const vectors = Array.from({ length: 20 }, () => randomUnit(DIM, next));
      await t.upsert(
        name,
        vectors.map((v, i) => makePoint('tenant-a', name, `doc-${i}`, 0, v, { scope: i % 2 === 0 ? 'even' : 'odd' })),
      );
      const query = near(vectors[4]!, next, 0.1);
      const hits = await t.search(name, { vector: query, topK: 3, filter: { field: 'metadata.scope', eq: 'even' }, exactScores: true });
      expect(hits[0]?.payload.documentId).toBe('doc-4');
      expect(hits.every((h) => h.payload.metadata.scope === 'even')).toBe(true);
      const exact = vectors[4]!.reduce((sum, x, i) => sum + x * query[i]!, 0) / Math.hypot(...query);
      expect(hits[0]?.score).toBeCloseTo(exact, 4);
    });

    it('maintain() can be limited to some collections', async () => {
      const name = await collection('maint');
      const other = await collection('maint-other');
      await store.forTenant('tenant-a').upsert(name, [makePoint('tenant-a', name, 'd', 0, randomUnit(DIM, rng(9)))]);
      const report = await store.maintain({ collections: [name] });
      expect(report.collections.map((c) => c.name)).toEqual([name]);
      expect(report.collections.map((c) => c.name)).not.toContain(other);
    });

    it('drops a collection', async () => {
      const name = await collection('drop');
      expect(await store.dropCollection(name)).toBe(true);
      expect(await store.describeCollection(name)).toBeUndefined();
      expect(await store.dropCollection(name)).toBe(false);
    });

    it('keeps collections and points across a reopen (persistent stores)', async (ctx) => {
      if (!harness.persistent) ctx.skip();
      const name = await collection('reopen');
      const next = rng(7);
      const points = Array.from({ length: 8 }, (_, i) => makePoint('tenant-a', name, 'doc', i, randomUnit(DIM, next)));
      await store.forTenant('tenant-a').upsert(name, points);
      await store.close();
      store = await harness.open();
      expect(await store.describeCollection(name)).toEqual({ name, dimensions: DIM, distance: 'cosine', meta: { model: 'sim-embed-16' } });
      const t = store.forTenant('tenant-a');
      expect(await t.count(name)).toBe(8);
      expect((await t.search(name, { vector: points[6]!.vector, topK: 1 }))[0]?.id).toBe(points[6]!.id);
    });
  });
}
