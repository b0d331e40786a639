import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INGEST_PART_DOCUMENTS } from '@llmops/contracts';
import { readSse, waitFor } from '@llmops/testing';
import { auth, keys, startPlatform, type PlatformHarness } from './fixtures/platform-harness';
import { call, finished, ingest, itemResults, type Doc } from './ingest-fixtures';

let h: PlatformHarness;
beforeAll(async () => {
  h = await startPlatform('ingest-flow');
  await h.startWorker({ WORKER_ID: 'flow-1' });
  await h.startWorker({ WORKER_ID: 'flow-2' });
});
afterAll(() => h.close());

// Short documents keep the test quick; what matters is the count past INGEST_PART_DOCUMENTS.
const count = 2 * INGEST_PART_DOCUMENTS + 100;
const docs: Doc[] = Array.from({ length: count }, (_, i) => ({ id: `d-${i}`, text: `Note ${i}: the pump at station ${i} was serviced.`, metadata: { n: i } }));

describe('a large upload', () => {
  it('fans out into child jobs; the parent reports progress, every document in order, and the sum', async () => {
    const id = await ingest(h.api.url, keys.alice, 'big', docs);
    const events = await readSse(`${h.api.url}/v1/jobs/${id}/events`, { headers: auth(keys.alice) });
    const summary = await finished(h.api.url, keys.alice, id);
    expect(summary.documents).toEqual({ total: count, new: count, updated: 0, unchanged: 0 });
    expect(summary.chunks.new).toBe(count);

    const progress = events
      .filter((event) => event.event === 'progress')
      .map((event) => (event.data as { progress: { documents: { done: number } } }).progress.documents.done);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(count);
    expect(events.at(-1)?.event).toBe('completed');

    const items = await itemResults(h.api.url, keys.alice, id);
    expect(items.map((item) => item.id)).toEqual(docs.map((doc) => doc.id));

    const metrics = await (await fetch(`${h.api.url}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`llmops_queue_jobs\\{queue="ingest-part",state="completed"\\} ${Math.ceil(count / INGEST_PART_DOCUMENTS)}`));

    // Listing shows the upload once (the parent), not its parts.
    const listed = (await (await fetch(`${h.api.url}/v1/jobs`, { headers: auth(keys.alice) })).json()) as { jobs: { id: string }[] };
    expect(listed.jobs.map((job) => job.id)).toEqual([id]);

    // Re-sending the same upload embeds nothing, part by part.
    const again = await finished(h.api.url, keys.alice, await ingest(h.api.url, keys.alice, 'big', docs));
    expect(again.documents.unchanged).toBe(count);
    expect(again.tokens).toBe(0);
  });

  it('is cancelled as a whole: running parts stop, waiting parts never run, the upload shows cancelled', async () => {
    h.simulator.configure({ latencyMs: 400 });
    const others = docs.map((doc) => ({ ...doc, id: `c-${doc.id}` }));
    const id = await ingest(h.api.url, keys.alice, 'cancelled', others);
    await waitFor(
      async () => {
        const view = await call(`${h.api.url}/v1/jobs/${id}`, keys.alice);
        return ((view.body.progress as { documents?: { done: number } }).documents?.done ?? 0) >= 32;
      },
      { what: 'some documents done' },
    );
    const cancel = await call(`${h.api.url}/v1/jobs/${id}`, keys.alice, { method: 'DELETE' });
    expect(cancel.status).toBe(202);
    const view = await waitFor(
      async () => {
        const current = await call(`${h.api.url}/v1/jobs/${id}`, keys.alice);
        return current.body.state === 'cancelled' ? current.body : undefined;
      },
      { what: 'upload cancelled', timeoutMs: 60_000 },
    );
    expect(view.error).toBeNull();
    const done = await itemResults(h.api.url, keys.alice, id);
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(count);
    h.simulator.configure({ latencyMs: 0 });
  });
});
