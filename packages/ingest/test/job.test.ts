import { INGEST_PART_DOCUMENTS } from '@llmops/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectionForUpload, storedCollectionName } from '../src';
import { MODEL, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('ingest-job');
});
afterAll(async () => {
  await h.close();
});

const handbook = [
  { id: 'leave', text: 'Employees accrue two days of paid leave per month, up to thirty days a year.', metadata: { lang: 'en' } },
  { id: 'travel', text: 'Book travel through the portal; trains are preferred for trips under four hours.' },
  { id: 'contact', text: 'Questions about payroll go to jane.doe@example.com or the HR desk.' },
];

describe('an upload (submitUpload, then the ingest processor)', () => {
  it('stores every document as chunks, pseudonymized, and reports each document as new', async () => {
    await collectionForUpload(h.services, 'acme', 'handbook', MODEL);
    const { result, items } = await h.upload('handbook', handbook);

    expect(result.documents).toEqual({ total: 3, new: 3, updated: 0, unchanged: 0 });
    expect(result.chunks.new).toBeGreaterThanOrEqual(3);
    expect(result.providerRequests).toBeGreaterThan(0);
    expect(items.map((item) => item.id).sort()).toEqual(['contact', 'leave', 'travel']);
    const stored = await h.services.vectors.forTenant('acme').listByDocument(storedCollectionName('acme', 'handbook'), 'contact');
    expect(stored.length).toBeGreaterThan(0);
    // The address was pseudonymized before the job was enqueued: the store only holds its token.
    expect(JSON.stringify(stored)).not.toContain('jane.doe@example.com');
  });

  it('re-sending the same documents embeds nothing and reports them unchanged', async () => {
    const before = h.embedRequests();
    const { result } = await h.upload('handbook', handbook);
    expect(result.documents).toEqual({ total: 3, new: 0, updated: 0, unchanged: 3 });
    expect(result.tokens).toBe(0);
    expect(h.embedRequests()).toBe(before);
  });

  it('fans an upload past INGEST_PART_DOCUMENTS out into parts whose results add up on the one job', async () => {
    await collectionForUpload(h.services, 'acme', 'notes', MODEL);
    const total = INGEST_PART_DOCUMENTS + 1;
    const documents = Array.from({ length: total }, (_, i) => ({ id: `note-${i}`, text: `Note ${i}: the meeting room ${i % 7} is free.` }));
    const { result, items } = await h.upload('notes', documents);

    expect(result.documents).toEqual({ total, new: total, updated: 0, unchanged: 0 });
    expect(items).toHaveLength(total);
    // The parts ran as their own jobs: one per INGEST_PART_DOCUMENTS documents.
    expect(await h.queues.get('ingest-part').getCompletedCount()).toBe(2);
    expect(await h.services.vectors.forTenant('acme').count(storedCollectionName('acme', 'notes'))).toBe(total);
  });
});
