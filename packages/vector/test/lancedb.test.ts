import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CollectionMismatchError, LanceDbVectorStore } from '../src';
import { makePoint, near, randomUnit, rng } from './helpers';

describe('LanceDB adapter specifics', () => {
  const dirs: string[] = [];
  const tempDir = async () => {
    const d = await mkdtemp(join(tmpdir(), 'vector-lance-'));
    dirs.push(d);
    return d;
  };
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('a second store on the same directory sees the collection settings and enforces them', async () => {
    const directory = await tempDir();
    const first = new LanceDbVectorStore({ directory });
    const second = new LanceDbVectorStore({ directory });
    await first.ensureCollection({ name: 'docs', dimensions: 8, distance: 'dot', meta: { model: 'm1', version: 2 } });
    expect(await second.describeCollection('docs')).toEqual({ name: 'docs', dimensions: 8, distance: 'dot', meta: { model: 'm1', version: 2 } });
    await expect(second.ensureCollection({ name: 'docs', dimensions: 8, distance: 'dot', meta: { model: 'm2', version: 2 } })).rejects.toBeInstanceOf(
      CollectionMismatchError,
    );
    await first.forTenant('t').upsert('docs', [makePoint('t', 'docs', 'd', 0, randomUnit(8, rng(1)))]);
    expect(await second.forTenant('t').count('docs')).toBe(1); // no reopen needed
    await first.close();
    await first.close(); // idempotent
    await second.close();
  });

  it('appendNew bulk-loads new points for one tenant, searchable at once', async () => {
    const store = new LanceDbVectorStore({ directory: await tempDir() });
    await store.ensureCollection({ name: 'bulk', dimensions: 8 });
    const next = rng(12);
    const points = Array.from({ length: 1_000 }, (_, i) => makePoint('t', 'bulk', `d${i}`, 0, randomUnit(8, next)));
    expect(await store.appendNew('t', 'bulk', points, 300)).toEqual({ appended: 1_000 });
    expect(await store.forTenant('t').count('bulk')).toBe(1_000);
    expect(await store.forTenant('other').count('bulk')).toBe(0);
    expect((await store.forTenant('t').search('bulk', { vector: points[777]!.vector, topK: 1 }))[0]?.id).toBe(points[777]!.id);
    await store.close();
  });

  it('a collection can ask for IVF_PQ (a few bytes per vector in memory) and still ranks and scores exactly', async () => {
    const store = new LanceDbVectorStore({ directory: await tempDir(), indexThreshold: 2_000 });
    await store.ensureCollection({ name: 'pq', dimensions: 16, annIndex: 'ivf_pq' });
    expect(await store.describeCollection('pq')).toEqual({ name: 'pq', dimensions: 16, distance: 'cosine', meta: {} });
    const next = rng(13);
    const vectors = Array.from({ length: 2_400 }, () => randomUnit(16, next));
    await store.forTenant('t').upsert(
      'pq',
      vectors.map((v, i) => makePoint('t', 'pq', `d${i}`, 0, v)),
    );
    expect((await store.maintain()).collections[0]).toMatchObject({ vectorIndexBuilt: true, vectorIndex: { type: 'IVF_PQ' } });
    const probe = near(vectors[321]!, next, 0.01);
    const [hit] = await store.forTenant('t').search('pq', { vector: probe, topK: 1, exactScores: true });
    expect(hit?.payload.documentId).toBe('d321');
    expect(hit?.score).toBeCloseTo(vectors[321]!.reduce((sum, x, i) => sum + x * probe[i]!, 0) / Math.hypot(...probe), 5);
    await store.close();
  });

  it('maintain() builds the ANN index past the threshold; later rows are still found', { timeout: 120_000 }, async () => {
    const directory = await tempDir();
    const store = new LanceDbVectorStore({ directory, indexThreshold: 2_000 });
    await store.ensureCollection({ name: 'ann', dimensions: 16 });
    const t = store.forTenant('t');
    const next = rng(11);
    const vectors = Array.from({ length: 2_400 }, () => randomUnit(16, next));
    await t.upsert(
      'ann',
      vectors.map((v, i) => makePoint('t', 'ann', `d${i >> 4}`, i & 15, v)),
    );
    const small = new LanceDbVectorStore({ directory: await tempDir(), indexThreshold: 2_000 });
    await small.ensureCollection({ name: 'few', dimensions: 16 });
    await small.forTenant('t').upsert('few', [makePoint('t', 'few', 'd', 0, vectors[0]!)]);
    expect((await small.maintain()).collections).toMatchObject([{ name: 'few', vectorIndexBuilt: false, optimized: true }]);
    await small.close();

    expect((await store.maintain()).collections).toMatchObject([{ name: 'ann', vectorIndexBuilt: true, optimized: true }]);
    expect((await store.maintain()).collections).toMatchObject([{ name: 'ann', vectorIndexBuilt: false, optimized: true }]);
    const probe = near(vectors[1234]!, next, 0.01);
    const hit = await t.search('ann', { vector: probe, topK: 3 });
    expect(hit[0]?.payload).toMatchObject({ documentId: `d${1234 >> 4}`, chunkIndex: 1234 & 15 });
    // The index compares quantized vectors; exactScores re-ranks with the stored ones.
    const exact = vectors[1234]!.reduce((sum, x, i) => sum + x * probe[i]!, 0) / Math.hypot(...probe);
    const refined = await t.search('ann', { vector: probe, topK: 3, exactScores: true });
    expect(refined[0]?.payload.chunkIndex).toBe(1234 & 15);
    expect(Math.abs(refined[0]!.score - exact)).toBeLessThan(1e-5);
    console.log(
      `HNSW_SQ score error: index ${Math.abs(hit[0]!.score - exact).toExponential(2)}, exactScores ${Math.abs(refined[0]!.score - exact).toExponential(2)}`,
    );
    const late = randomUnit(16, next);
    await t.upsert('ann', [makePoint('t', 'ann', 'late', 0, late)]);
    expect((await t.search('ann', { vector: late, topK: 1 }))[0]?.payload.documentId).toBe('late');
    expect(await t.count('ann')).toBe(2_401);
    // A little growth is folded into the index; growth by half rebuilds it over every row, in one part.
    await t.upsert(
      'ann',
      Array.from({ length: 300 }, (_, i) => makePoint('t', 'ann', 'small', i, randomUnit(16, next))),
    );
    expect((await store.maintain()).collections[0]).toMatchObject({ vectorIndexBuilt: false, vectorIndex: { unindexedRows: 0 } });
    await t.upsert(
      'ann',
      Array.from({ length: 1_500 }, (_, i) => makePoint('t', 'ann', 'big', i, randomUnit(16, next))),
    );
    expect((await store.maintain()).collections[0]).toMatchObject({ vectorIndexBuilt: true, vectorIndex: { indexedRows: 4_201, unindexedRows: 0, parts: 1 } });
    expect((await t.search('ann', { vector: late, topK: 1 }))[0]?.payload.documentId).toBe('late');
    await store.close();
  });
});
