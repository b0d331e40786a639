import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChanges } from '@llmops/ingest';
import { keys, startPlatform, type PlatformHarness } from './fixtures/platform-harness';
import { call, embeddingRequests, finished, ingest, itemResults, makeDocs, prose, search } from './ingest-fixtures';

let h: PlatformHarness;
beforeAll(async () => {
  h = await startPlatform('ingest');
  await h.startWorker();
});
afterAll(() => h.close());

const docs = makeDocs(200);

describe('incremental ingestion', () => {
  let firstChunks = 0;

  it('ingests 200 documents: every chunk new, embedded in few packed requests', async () => {
    const since = h.simulator.log.latestId;
    const jobId = await ingest(h.api.url, keys.alice, 'docs', docs);
    const result = await finished(h.api.url, keys.alice, jobId);
    firstChunks = result.chunks.new;
    expect(result.documents).toEqual({ total: 200, new: 200, updated: 0, unchanged: 0 });
    expect(result.chunks.new).toBeGreaterThan(200);
    expect(result.chunks).toMatchObject({ unchanged: 0, deleted: 0 });
    expect(result.tokens).toBeGreaterThan(0);
    expect(Number(result.costUsd)).toBeGreaterThan(0);
    const requests = embeddingRequests(h.simulator.log.list(since));
    expect(requests.length).toBe(result.providerRequests);
    // One packed call per batch of 32 documents, not one request per chunk.
    expect(requests.length).toBeLessThanOrEqual(Math.ceil(200 / 32));
    expect(requests.flatMap((r) => r.inputs)).toHaveLength(result.chunks.new);
    const items = await itemResults(h.api.url, keys.alice, jobId);
    expect(items).toHaveLength(200);
    expect(items.every((item) => item.result.status === 'new')).toBe(true);

    const collection = await call(`${h.api.url}/v1/collections/docs`, keys.alice);
    expect(collection.body).toMatchObject({ name: 'docs', model: 'text-embedding-3-small', dimensions: 1536, chunks: result.chunks.new });
  });

  it('re-ingesting the same documents embeds nothing', async () => {
    const since = h.simulator.log.latestId;
    const jobId = await ingest(h.api.url, keys.alice, 'docs', docs);
    const result = await finished(h.api.url, keys.alice, jobId);
    expect(result.chunks).toEqual({ new: 0, unchanged: firstChunks, deleted: 0 });
    expect(result.documents).toMatchObject({ new: 0, updated: 0, unchanged: 200 });
    expect(result.tokens).toBe(0);
    expect(result.providerRequests).toBe(0);
    expect(embeddingRequests(h.simulator.log.list(since))).toEqual([]);
  });

  it('a changed document re-embeds only its changed chunks, and its removed chunks leave search', async () => {
    const original = docs[0]!;
    const paragraphs = original.text.split('\n\n');
    expect(paragraphs.length).toBe(8);
    const before = await h.services.vectors.forTenant('alice').count(await storedName('docs'), { field: 'documentId', eq: original.id });
    // Keep the first four paragraphs, rewrite the fifth, drop the rest.
    const changed = { ...original, text: [...paragraphs.slice(0, 4), 'Revised clause: quokka marmalade xylophone terms apply from today.'].join('\n\n') };
    const since = h.simulator.log.latestId;
    const jobId = await ingest(h.api.url, keys.alice, 'docs', [changed, ...docs.slice(1, 20)]);
    const result = await finished(h.api.url, keys.alice, jobId);
    const items = await itemResults(h.api.url, keys.alice, jobId);
    const mine = items.find((item) => item.id === original.id)!.result;
    expect(mine.status).toBe('updated');
    expect(mine.chunks.unchanged).toBeGreaterThan(0);
    expect(mine.chunks.new).toBeGreaterThan(0);
    expect(mine.chunks.new + mine.chunks.unchanged).toBeLessThan(before);
    expect(mine.chunks.deleted).toBe(before - mine.chunks.new - mine.chunks.unchanged);
    expect(items.filter((item) => item.id !== original.id).every((item) => item.result.status === 'unchanged')).toBe(true);
    expect(result.chunks.new).toBe(mine.chunks.new);

    const embedded = embeddingRequests(h.simulator.log.list(since)).flatMap((r) => r.inputs);
    expect(embedded).toHaveLength(mine.chunks.new);
    expect(embedded.some((text) => text.includes('quokka marmalade'))).toBe(true);

    // The dropped paragraphs' text is gone; the new clause is found.
    const dropped = paragraphs[7]!.slice(0, 200);
    const old = await search(h.api.url, keys.alice, 'docs', { query: dropped, topK: 20, filter: { field: 'documentId', eq: original.id } });
    expect(old.status).toBe(200);
    expect(old.hits.some((hit) => hit.text.includes(paragraphs[7]!.slice(0, 40)))).toBe(false);
    const fresh = await search(h.api.url, keys.alice, 'docs', { query: 'quokka marmalade xylophone', topK: 1 });
    expect(fresh.hits[0]).toMatchObject({ documentId: original.id, metadata: { group: 0, kind: 'even' } });
    expect(changed.text.slice(fresh.hits[0]!.start, fresh.hits[0]!.end)).toBe(fresh.hits[0]!.text);

    const changes = await readChanges(h.redis, h.prefix);
    expect(changes.map((c) => [c.tenant, c.collection, c.documentId, c.change])).toEqual([['alice', 'docs', original.id, 'updated']]);
  });

  it('search ranks the document a query was taken from first, and filters by metadata', async () => {
    const target = docs[57]!;
    const found = await search(h.api.url, keys.alice, 'docs', { query: target.text.slice(0, 300), topK: 5 });
    expect(found.hits[0]?.documentId).toBe(target.id);
    expect(found.hits.length).toBe(5);
    expect(found.hits.map((hit) => hit.score)).toEqual([...found.hits.map((hit) => hit.score)].sort((a, b) => b - a));
    const filtered = await search(h.api.url, keys.alice, 'docs', {
      query: target.text.slice(0, 300),
      topK: 10,
      filter: { field: 'metadata.kind', eq: 'even' },
    });
    expect(filtered.hits.length).toBe(10);
    expect(filtered.hits.every((hit) => hit.metadata.kind === 'even')).toBe(true);
    const bad = await search(h.api.url, keys.alice, 'docs', { query: 'x', filter: { field: 'tenant', eq: 'bob' } });
    expect(bad.status).toBe(400);
  });

  it('deletes a document synchronously and announces it', async () => {
    const victim = docs[3]!;
    const reply = await call(`${h.api.url}/v1/collections/docs/documents/${victim.id}`, keys.alice, { method: 'DELETE' });
    expect(reply.status).toBe(200);
    expect(reply.body.deletedChunks).toBeGreaterThan(0);
    const found = await search(h.api.url, keys.alice, 'docs', { query: victim.text.slice(0, 300), topK: 10 });
    expect(found.hits.some((hit) => hit.documentId === victim.id)).toBe(false);
    expect((await call(`${h.api.url}/v1/collections/docs/documents/${victim.id}`, keys.alice, { method: 'DELETE' })).status).toBe(404);
    const changes = await readChanges(h.redis, h.prefix);
    expect(changes.at(-1)).toMatchObject({ tenant: 'alice', collection: 'docs', documentId: victim.id, change: 'deleted' });
  });

  it('fixes the model at creation: another model is a 409 and nothing is enqueued', async () => {
    const reply = await call(`${h.api.url}/v1/collections/docs/documents`, keys.alice, {
      body: { documents: docs.slice(0, 1), model: 'text-embedding-3-large' },
    });
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ error: { code: 'collection_mismatch' } });
    const same = await call(`${h.api.url}/v1/collections/docs/documents`, keys.alice, {
      body: { documents: docs.slice(0, 1), model: 'text-embedding-3-small' },
    });
    expect(same.status).toBe(202);
    await finished(h.api.url, keys.alice, String(same.body.id));
    const list = await call(`${h.api.url}/v1/collections`, keys.alice);
    expect(list.body.collections).toEqual([expect.objectContaining({ name: 'docs', model: 'text-embedding-3-small', dimensions: 1536 })]);
  });

  it('accepts NDJSON uploads, one document per line, and names a bad line', async () => {
    const lines = [0, 1, 2].map((i) => JSON.stringify({ id: `nd-${i}`, text: prose(`nd${i}`, 2), metadata: { source: 'ndjson' } })).join('\n');
    const reply = await call(`${h.api.url}/v1/collections/nd/documents?model=text-embedding-3-large`, keys.alice, {
      body: `${lines}\n`,
      headers: { 'Content-Type': 'application/x-ndjson' },
    });
    expect(reply.status).toBe(202);
    const result = await finished(h.api.url, keys.alice, String(reply.body.id));
    expect(result.documents).toMatchObject({ total: 3, new: 3 });
    expect((await call(`${h.api.url}/v1/collections/nd`, keys.alice)).body).toMatchObject({ model: 'text-embedding-3-large', dimensions: 3072 });

    const bad = await call(`${h.api.url}/v1/collections/nd/documents`, keys.alice, {
      body: `${lines}\n{"id":"x","txt":"typo"}\n`,
      headers: { 'Content-Type': 'application/x-ndjson' },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('body.line.4');
  });

  it('rejects bad input with the field named', async () => {
    const dup = await call(`${h.api.url}/v1/collections/docs/documents`, keys.alice, { body: { documents: [docs[1], docs[1]] } });
    expect(dup.status).toBe(400);
    expect(JSON.stringify(dup.body)).toContain('body.documents.1.id');
    const name = await call(`${h.api.url}/v1/collections/bad.name/documents`, keys.alice, { body: { documents: docs.slice(0, 1) } });
    expect(name.status).toBe(400);
    const missing = await call(`${h.api.url}/v1/collections/nothing-here`, keys.alice);
    expect(missing.status).toBe(404);
  });
});

async function storedName(collection: string): Promise<string> {
  const { storedCollectionName } = await import('@llmops/ingest');
  return storedCollectionName('alice', collection);
}
