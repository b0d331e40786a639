import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMemoryTracing, type MemoryTracing } from '@llmops/telemetry/testing';
import { LanceDbVectorStore } from '../src';
import { makePoint, randomUnit, rng } from './helpers';

describe('vector operations are traced', () => {
  let tracing: MemoryTracing;
  let directory: string;
  beforeAll(async () => {
    tracing = startMemoryTracing({ serviceName: 'vector-test' });
    directory = await mkdtemp(join(tmpdir(), 'vector-tracing-'));
  });
  afterAll(async () => {
    await tracing.shutdown();
    await rm(directory, { recursive: true, force: true });
  });

  it('one CLIENT span per operation with store, collection, tenant and counts; no text or filter values', async () => {
    const store = new LanceDbVectorStore({ directory });
    await store.ensureCollection({ name: 'docs', dimensions: 8 });
    const tenant = store.forTenant('t1');
    const next = rng(3);
    const points = Array.from({ length: 5 }, (_, i) =>
      makePoint('t1', 'docs', 'contract-of-alice@example.com', i, randomUnit(8, next), { owner: 'bob-secret' }, `chunk text ${i} zebra`),
    );
    await tenant.upsert('docs', points);
    const hits = await tenant.search('docs', { vector: points[0]!.vector, topK: 3, filter: { field: 'metadata.owner', eq: 'bob-secret' } });
    await tenant.deleteByDocument('docs', 'contract-of-alice@example.com');
    await store.close();

    const spans = tracing.spans();
    expect(spans.map((span) => span.name)).toEqual(['upsert docs', 'search docs', 'delete docs']);
    const [upsert, search] = spans;
    expect(upsert).toMatchObject({
      kind: 'client',
      scope: '@llmops/vector',
      attributes: { 'db.system.name': 'lancedb', 'db.collection.name': 'docs', 'llmops.tenant': 't1', 'llmops.vector.points': 5 },
    });
    expect(search!.attributes).toMatchObject({ 'llmops.vector.top_k': 3, 'llmops.vector.hits': hits.length, 'llmops.vector.filtered': true });
    expect(JSON.stringify(spans)).not.toMatch(/alice@example|bob-secret|zebra/);
  });
});
