import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CollectionMismatchError,
  collectionForUpload,
  deleteDocument,
  listTenantCollections,
  QueryTooLongError,
  readChanges,
  searchCollection,
  UnknownEmbeddingModelError,
  type CollectionInfo,
} from '../src';
import { MODEL, startHarness, type Harness } from './harness';

let h: Harness;
let info: CollectionInfo;
beforeAll(async () => {
  h = await startHarness('ingest-collections');
  info = await collectionForUpload(h.services, 'acme', 'faq', MODEL);
  await h.upload('faq', [
    { id: 'refunds', text: 'Refunds are paid within 14 days to the card used for the purchase.', metadata: { team: 'billing' } },
    { id: 'owner', text: 'The refund process is owned by jane.doe@example.com in billing.', metadata: { team: 'billing' } },
    { id: 'shipping', text: 'Parcels ship from Rotterdam on weekdays; tracking links arrive by text message.', metadata: { team: 'logistics' } },
  ]);
});
afterAll(async () => {
  await h.close();
});

const search = (query: string, extra: { topK?: number; filter?: Parameters<typeof searchCollection>[1]['filter'] } = {}) =>
  searchCollection(h.services, { tenant: 'acme', collection: 'faq', info, query, topK: extra.topK ?? 3, ...(extra.filter ? { filter: extra.filter } : {}) });

describe('collection use cases', () => {
  it('search ranks the document a query was taken from first and gives its owner the original text back', async () => {
    const answer = await search('Parcels ship from Rotterdam on weekdays');
    expect(answer.hits[0]?.documentId).toBe('shipping');
    expect(answer.model).toBe(MODEL);
    expect(answer.usage.tokens).toBeGreaterThan(0);

    // The address is a pseudonym in the store; a query with it finds the chunk, restored for the owner.
    const [hit] = (await search('jane.doe@example.com', { topK: 1, filter: { field: 'metadata.team', eq: 'billing' } })).hits;
    expect(hit?.documentId).toBe('owner');
    expect(hit?.text).toContain('jane.doe@example.com');
  });

  it('search refuses a query longer than the model embeds, before any provider call', async () => {
    const before = h.embedRequests();
    await expect(search('refund '.repeat(10_000))).rejects.toBeInstanceOf(QueryTooLongError);
    expect(h.embedRequests()).toBe(before);
  });

  it('a collection keeps its model: another one or an unknown one is refused', async () => {
    await expect(collectionForUpload(h.services, 'acme', 'faq', 'text-embedding-3-large')).rejects.toBeInstanceOf(CollectionMismatchError);
    await expect(collectionForUpload(h.services, 'acme', 'other', 'no-such-model')).rejects.toBeInstanceOf(UnknownEmbeddingModelError);
    expect((await collectionForUpload(h.services, 'acme', 'faq', undefined)).meta.model).toBe(MODEL);
    // Collections are per tenant: another tenant sees none of acme's.
    expect((await listTenantCollections(h.services, 'acme')).map((c) => c.name)).toEqual(['faq']);
    expect(await listTenantCollections(h.services, 'bob')).toEqual([]);
  });

  it('deleting a document removes its chunks from search and announces it once', async () => {
    const deps = { services: h.services, redis: h.redis, prefix: h.prefix };
    expect(await deleteDocument(deps, { tenant: 'acme', collection: 'faq', documentId: 'shipping' })).toBeGreaterThan(0);
    expect(await deleteDocument(deps, { tenant: 'acme', collection: 'faq', documentId: 'shipping' })).toBe(0);
    expect((await search('Parcels ship from Rotterdam on weekdays')).hits.map((hit) => hit.documentId)).not.toContain('shipping');
    const deleted = (await readChanges(h.redis, h.prefix)).filter((change) => change.change === 'deleted');
    expect(deleted.map(({ id: _id, ...rest }) => rest)).toEqual([{ tenant: 'acme', collection: 'faq', documentId: 'shipping', change: 'deleted' }]);
  });
});
