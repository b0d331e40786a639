import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollectionMismatchError, QdrantVectorStore } from '../src';
import { vectorStoreContract } from './contract';
import { makePoint, randomUnit, rng, uniqueName } from './helpers';
import { OpenApiValidator, QDRANT_OPENAPI_PATH } from './standin/schema';
import { QdrantStandin } from './standin/server';

const validator = OpenApiValidator.load();
if (!validator) console.warn(`Qdrant OpenAPI schema not found at ${QDRANT_OPENAPI_PATH}: the Qdrant stand-in tests are skipped`);

describe.skipIf(!validator)('Qdrant adapter against the OpenAPI-validating stand-in', () => {
  let standin: QdrantStandin;
  let url: string;
  beforeAll(async () => {
    standin = new QdrantStandin(validator!);
    url = await standin.start();
  });
  afterAll(() => standin.stop());
  const store = () => new QdrantVectorStore({ url, retry: { baseDelayMs: 5 } });

  vectorStoreContract('Qdrant via stand-in', async () => ({ persistent: true, open: async () => store() }));

  describe('requests on the wire', () => {
    it('every request the contract suite sent matched a schema path and its request/response schemas', () => {
      expect(standin.requests.length).toBeGreaterThan(50);
      expect(standin.violations).toEqual([]);
    });

    it('the stand-in rejects a body that breaks the schema (so the check above can fail)', async () => {
      const before = standin.violations.length;
      const res = await fetch(`${url}/collections/x/points`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ points: [{ id: 1.5 }] }),
      });
      expect(res.status).toBe(400);
      expect(standin.violations.slice(before).map((v) => v.where)).toEqual(['body']);
      standin.violations.splice(before);
    });

    it('creates tenant (is_tenant) and documentId payload indexes and stores meta as collection metadata', async () => {
      const s = store();
      const name = uniqueName('wire-idx');
      await s.ensureCollection({ name, dimensions: 4, meta: { model: 'm1' } });
      const indexBodies = standin.requests.filter((r) => r.path === `/collections/${name}/index`).map((r) => r.body);
      expect(indexBodies).toEqual([
        { field_name: 'tenant', field_schema: { type: 'keyword', is_tenant: true } },
        { field_name: 'documentId', field_schema: 'keyword' },
      ]);
      expect(standin.collections.get(name)?.metadata).toEqual({ llmops_meta: { model: 'm1' } });
      await s.dropCollection(name);
    });

    it('creates requested keyword indexes and asks for rescoring when exact scores are wanted', async () => {
      const s = store();
      const name = uniqueName('wire-kw');
      await s.ensureCollection({ name, dimensions: 4, keywordIndexes: ['metadata.scope'] });
      const fields = standin.requests.filter((r) => r.path === `/collections/${name}/index`).map((r) => (r.body as { field_name: string }).field_name);
      expect(fields).toEqual(['tenant', 'documentId', 'metadata.scope']);
      await s.forTenant('t1').search(name, { vector: [1, 0, 0, 0], topK: 1, exactScores: true });
      const query = standin.requests.filter((r) => r.path === `/collections/${name}/points/query`).at(-1);
      expect((query?.body as { params?: unknown }).params).toEqual({ quantization: { rescore: true } });
      await s.dropCollection(name);
    });

    it('upserts in batches of 256 with wait=true, the tenant in the payload and an update_filter', async () => {
      const s = store();
      const name = uniqueName('wire-batch');
      await s.ensureCollection({ name, dimensions: 4 });
      const next = rng(9);
      const points = Array.from({ length: 600 }, (_, i) => makePoint('t1', name, `d${i >> 3}`, i & 7, randomUnit(4, next)));
      await s.forTenant('t1').upsert(name, points);
      const puts = standin.requests.filter((r) => r.method === 'PUT' && r.path === `/collections/${name}/points`);
      expect(puts.map((r) => (r.body as { points: unknown[] }).points.length)).toEqual([256, 256, 88]);
      expect(puts.every((r) => r.query.wait === 'true')).toBe(true);
      const body = puts[0]!.body as { points: { payload: { tenant: string } }[]; update_filter: unknown };
      expect(body.points[0]!.payload.tenant).toBe('t1');
      expect(body.update_filter).toEqual({ must: [{ key: 'tenant', match: { value: 't1' } }] });
      expect(standin.collections.get(name)?.points.size).toBe(600);
      await s.dropCollection(name);
    });

    it('puts the tenant condition first in every filter it sends', () => {
      const filtered = standin.requests.filter((r) => r.body && typeof r.body === 'object' && 'filter' in r.body);
      expect(filtered.length).toBeGreaterThan(20);
      for (const r of filtered) {
        const must = (r.body as { filter: { must: { key?: string }[] } }).filter.must;
        expect(must[0]?.key).toBe('tenant');
      }
    });

    it('retries 5xx and dropped connections, then succeeds', async () => {
      const s = store();
      const name = uniqueName('wire-retry');
      await s.ensureCollection({ name, dimensions: 4 });
      const t = s.forTenant('t1');
      standin.faults.push(503, 'reset', 502);
      const before = standin.requests.length;
      await t.upsert(name, [makePoint('t1', name, 'd', 0, [1, 0, 0, 0])]);
      expect(standin.faults).toEqual([]);
      expect(await t.count(name)).toBe(1);
      // 503 and 502 are recorded; the reset one is dropped before recording; then the success.
      expect(standin.requests.slice(before).filter((r) => r.method === 'PUT').length).toBe(3);
      await s.dropCollection(name);
    });

    it('loses a creation race gracefully: compares with the winner instead of failing', async () => {
      const name = uniqueName('wire-race');
      await store().ensureCollection({ name, dimensions: 4, meta: { model: 'm1' } });
      // The loser's GET saw no collection (injected 404), so its PUT meets the winner's: 409.
      standin.faults.push(404);
      expect(await store().ensureCollection({ name, dimensions: 4, meta: { model: 'm1' } })).toMatchObject({ name, dimensions: 4 });
      standin.faults.push(404);
      await expect(store().ensureCollection({ name, dimensions: 4, meta: { model: 'm2' } })).rejects.toBeInstanceOf(CollectionMismatchError);
      await store().dropCollection(name);
    });

    it('does not retry a 400 and surfaces it', async () => {
      const s = new QdrantVectorStore({ url, retry: { baseDelayMs: 5 } });
      const name = uniqueName('wire-400');
      await s.ensureCollection({ name, dimensions: 4 });
      standin.faults.push(400);
      const before = standin.requests.length;
      await expect(s.forTenant('t1').count(name)).rejects.toThrow();
      expect(standin.requests.length - before).toBe(1);
      await s.dropCollection(name);
    });

    it('gives up after the configured attempts on a persistent 503', async () => {
      const s = new QdrantVectorStore({ url, retry: { attempts: 3, baseDelayMs: 1 } });
      const name = uniqueName('wire-503');
      await s.ensureCollection({ name, dimensions: 4 });
      standin.faults.push(503, 503, 503, 503);
      await expect(s.forTenant('t1').count(name)).rejects.toThrow();
      expect(standin.faults).toEqual([503]);
      standin.faults.length = 0;
      await s.dropCollection(name);
    });
  });
});
