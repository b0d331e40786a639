import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedCollectionName } from '@llmops/ingest';
import { dumpValues } from '@llmops/testing';
import { keys, redisUrl, startPlatform, type PlatformHarness } from './fixtures/platform-harness';
import { finished, ingest, makeDocs, prose, search } from './ingest-fixtures';

const canary = {
  email: 'jane.doe@example.com',
  phone: '+44 20 7946 0958',
  card: '4111 1111 1111 1111',
  iban: 'DE89 3704 0044 0532 0130 00',
};
/** Every form a canary could leak in: as written, and without separators. */
const forms = Object.values(canary).flatMap((value) => [value, value.replace(/[\s-]/g, '')]);

let h: PlatformHarness;
let workerOutput = '';
beforeAll(async () => {
  h = await startPlatform('ingest-pii');
  const worker = await h.startWorker({ LOG_LEVEL: 'debug' });
  worker.stdout?.on('data', (chunk: Buffer) => (workerOutput += chunk.toString()));
  worker.stderr?.on('data', (chunk: Buffer) => (workerOutput += chunk.toString()));
});
afterAll(() => h.close());

const secretDoc = {
  id: 'customer-note',
  text: [
    prose('pii-a', 2),
    `Customer contact: email ${canary.email}, phone ${canary.phone}. Refund to card ${canary.card} or to IBAN ${canary.iban}.`,
    prose('pii-b', 2),
  ].join('\n\n'),
  metadata: { owner: canary.email, priority: 2 },
};

function leaks(haystack: string): string[] {
  return forms.filter((form) => haystack.includes(form));
}

describe('PII in ingested documents', () => {
  it('reaches no vector payload, provider request, Redis value or log line; the owner gets it back from search', async () => {
    const jobId = await ingest(h.api.url, keys.alice, 'notes', [secretDoc, ...makeDocs(20, 'filler')]);
    const result = await finished(h.api.url, keys.alice, jobId);
    expect(result.documents.new).toBe(21);

    // Search as the owner, by the original values: the query is pseudonymized the same way.
    const found = await search(h.api.url, keys.alice, 'notes', { query: `refund card ${canary.card} contact ${canary.email}`, topK: 3 });
    expect(found.status).toBe(200);
    const top = found.hits[0]!;
    expect(top.documentId).toBe(secretDoc.id);
    const restoredText = found.hits
      .filter((hit) => hit.documentId === secretDoc.id)
      .map((hit) => hit.text)
      .join('\n');
    for (const value of Object.values(canary)) expect(restoredText).toContain(value);
    expect(top.metadata).toEqual({ owner: canary.email, priority: 2 });
    // A metadata filter on the original value matches the pseudonymized metadata.
    const byOwner = await search(h.api.url, keys.alice, 'notes', { query: 'refund', topK: 10, filter: { field: 'metadata.owner', eq: canary.email } });
    expect(new Set(byOwner.hits.map((hit) => hit.documentId))).toEqual(new Set([secretDoc.id]));

    // The stored chunks hold pseudonyms only.
    const stored = await h.services.vectors.forTenant('alice').listByDocument(storedCollectionName('alice', 'notes'), secretDoc.id);
    const payloads = JSON.stringify(stored);
    expect(payloads).toMatch(/<EMAIL_\d+>/);
    expect(leaks(payloads)).toEqual([]);

    // Nothing reached the provider (ingestion and the search query).
    const requests = JSON.stringify(h.simulator.log.list().map((entry) => entry.body));
    expect(requests).toContain('<EMAIL_');
    expect(leaks(requests)).toEqual([]);

    // Nothing in Redis: job payload, results, vault (ciphertext only), ledger, progress.
    expect(leaks(await dumpValues(redisUrl, h.prefix))).toEqual([]);

    // Nothing in the worker's debug log.
    expect(workerOutput).toContain('ingest batch done');
    expect(leaks(workerOutput)).toEqual([]);
  });

  it("another tenant's search of a same-named collection never returns the owner's chunks", async () => {
    // Bob ingests the same text into his own "notes" (another stored collection, another pseudonym scope).
    await finished(h.api.url, keys.bob, await ingest(h.api.url, keys.bob, 'notes', [secretDoc]));
    const hits = (await search(h.api.url, keys.bob, 'notes', { query: 'refund card', topK: 5 })).hits;
    expect(hits.every((hit) => hit.documentId === secretDoc.id)).toBe(true);
    const mine = (await search(h.api.url, keys.alice, 'notes', { query: 'refund card', topK: 50 })).hits;
    expect(mine.some((hit) => hit.id === hits[0]?.id)).toBe(false);
  });

  it("reports hit offsets in the owner's document: original.slice(start, end) is the text returned", async () => {
    const original = [
      prose('offsets-a', 6),
      `Escalations go to ${canary.email} or ${canary.phone}; refunds to card ${canary.card}.`,
      prose('offsets-b', 6),
    ].join('\n\n');
    await finished(h.api.url, keys.alice, await ingest(h.api.url, keys.alice, 'offsets', [{ id: 'long-note', text: original }]));
    const found = await search(h.api.url, keys.alice, 'offsets', { query: `escalations refunds card ${canary.card}`, topK: 20 });
    const hits = found.hits.filter((hit) => hit.documentId === 'long-note');
    expect(hits.length).toBeGreaterThan(1);
    expect(hits.some((hit) => hit.text.includes(canary.email))).toBe(true);
    for (const hit of hits) expect(original.slice(hit.start, hit.end)).toBe(hit.text);
  });
});
