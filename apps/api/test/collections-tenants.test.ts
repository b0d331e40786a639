import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys, startPlatform, type PlatformHarness } from './fixtures/platform-harness';
import { call, finished, ingest, makeDocs, search } from './ingest-fixtures';

let h: PlatformHarness;
const aliceDocs = makeDocs(40, 'alice');
const bobDocs = makeDocs(10, 'bob');

beforeAll(async () => {
  h = await startPlatform('collections-tenants');
  await h.startWorker();
  // Same collection name, different models: two different collections.
  await finished(h.api.url, keys.alice, await ingest(h.api.url, keys.alice, 'docs', aliceDocs));
  await finished(h.api.url, keys.alice, await ingest(h.api.url, keys.alice, 'private', aliceDocs.slice(0, 5)));
  await finished(h.api.url, keys.bob, await ingest(h.api.url, keys.bob, 'docs', bobDocs, { model: 'text-embedding-3-large' }));
});
afterAll(() => h.close());

describe("collections are the tenant's own", () => {
  it("tenant B's search never returns tenant A's chunks, whatever the filter says", async () => {
    const target = aliceDocs[7]!;
    const filters = [
      undefined,
      { field: 'documentId', eq: target.id },
      { field: 'documentId', in: aliceDocs.map((d) => d.id) },
      { and: [] },
      {
        and: [
          { field: 'metadata.kind', eq: 'odd' },
          { field: 'documentId', in: [target.id, bobDocs[1]!.id] },
        ],
      },
    ];
    // Sanity: the owner finds it with each filter that admits it.
    expect((await search(h.api.url, keys.alice, 'docs', { query: target.text, topK: 1, filter: filters[1] })).hits[0]?.documentId).toBe(target.id);
    for (const filter of filters) {
      const reply = await search(h.api.url, keys.bob, 'docs', { query: target.text, topK: 100, ...(filter ? { filter } : {}) });
      expect(reply.status).toBe(200);
      expect(reply.hits.every((hit) => hit.documentId.startsWith('bob-'))).toBe(true);
    }
    // Fields that would widen the search are refused, not ignored.
    for (const filter of [{ field: 'tenant', eq: 'alice' }, { or: [{ field: 'documentId', eq: target.id }] }]) {
      expect((await search(h.api.url, keys.bob, 'docs', { query: target.text, filter })).status).toBe(400);
    }
  });

  it('each tenant lists, reads and deletes only its own collections and documents', async () => {
    const bobList = await call(`${h.api.url}/v1/collections`, keys.bob);
    expect(bobList.body.collections).toEqual([
      { name: 'docs', model: 'text-embedding-3-large', dimensions: 3072, distance: 'cosine', chunks: expect.any(Number) },
    ]);
    const aliceList = await call(`${h.api.url}/v1/collections`, keys.alice);
    expect((aliceList.body.collections as { name: string; model: string }[]).map((c) => [c.name, c.model])).toEqual([
      ['docs', 'text-embedding-3-small'],
      ['private', 'text-embedding-3-small'],
    ]);
    expect((await call(`${h.api.url}/v1/collections/private`, keys.bob)).status).toBe(404);
    expect((await search(h.api.url, keys.bob, 'private', { query: 'alpha' })).status).toBe(404);
    expect((await call(`${h.api.url}/v1/collections/docs/documents/${aliceDocs[2]!.id}`, keys.bob, { method: 'DELETE' })).status).toBe(404);
    const alice = await search(h.api.url, keys.alice, 'docs', { query: aliceDocs[2]!.text, topK: 1 });
    expect(alice.hits[0]?.documentId).toBe(aliceDocs[2]!.id);
  });
});
