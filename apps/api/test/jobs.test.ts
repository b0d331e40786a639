import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSse, waitFor } from '@llmops/testing';
import { auth, getJson, keys, startHarness, submitEcho, type Harness } from './fixtures/harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness('jobs');
  await harness.startWorker();
});
afterAll(() => harness.close());

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `item-${i}`, text: `hello ${i}` }));

describe('submit -> worker -> result', () => {
  it('answers 202 with the job id and Location, then reports the job completed with its result', async () => {
    const submitted = await submitEcho(harness.api, keys.alice, { items: items(3) });
    expect(submitted.status).toBe(202);
    const id = String(submitted.body.id);
    expect(submitted.headers.get('location')).toBe(`/v1/jobs/${id}`);

    const job = await waitFor(
      async () => {
        const view = await getJson(`${harness.api.url}/v1/jobs/${id}`, keys.alice);
        return view.body.state === 'completed' ? view.body : undefined;
      },
      { what: 'job completion' },
    );
    expect(job).toMatchObject({
      id,
      type: 'test-echo',
      state: 'completed',
      result: { items: 3, skipped: 0 },
      attempts: { made: 1, max: 3 },
      error: null,
      results: { count: 3 },
    });
    expect(Date.parse(String(job.finishedAt))).toBeGreaterThanOrEqual(Date.parse(String(job.startedAt)));
  });

  it('streams progress events in order over SSE, ending with completion', async () => {
    const submitted = await submitEcho(harness.api, keys.alice, { items: items(5), delayMs: 150 });
    const id = String(submitted.body.id);
    const events = await readSse(`${harness.api.url}/v1/jobs/${id}/events`, { headers: auth(keys.alice) });
    const names = events.map((event) => event.event);
    expect(names[0]).toBe('state');
    expect(names.at(-1)).toBe('completed');
    const progress = events.filter((event) => event.event === 'progress').map((event) => (event.data as { progress: { done: number } }).progress.done);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(5);
    expect(events.at(-1)?.data).toMatchObject({ id, result: { items: 5 } });
  });

  it('pages item results in item order with a cursor', async () => {
    const submitted = await submitEcho(harness.api, keys.alice, { items: items(25) });
    const id = String(submitted.body.id);
    await waitFor(async () => (await getJson(`${harness.api.url}/v1/jobs/${id}`, keys.alice)).body.state === 'completed');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=10&cursor=${cursor}` : '?limit=10';
      const page = await getJson(`${harness.api.url}/v1/jobs/${id}/results${query}`, keys.alice);
      const body = page.body as { items: { id: string; result: { echo: string } }[]; nextCursor: string | null };
      seen.push(...body.items.map((item) => item.id));
      expect(body.items.every((item) => item.result.echo.startsWith('HELLO'))).toBe(true);
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(items(25).map((item) => item.id));
    const bad = await getJson(`${harness.api.url}/v1/jobs/${id}/results?cursor=nonsense`, keys.alice);
    expect(bad.status).toBe(400);
  });

  it('stops an active job when it is cancelled, keeping the items it finished', async () => {
    const long = await submitEcho(harness.api, keys.alice, { items: items(200), delayMs: 100 });
    const id = String(long.body.id);
    await waitFor(
      async () => {
        const view = await getJson(`${harness.api.url}/v1/jobs/${id}`, keys.alice);
        return view.body.state === 'active' && ((view.body.progress as { done?: number }).done ?? 0) >= 1;
      },
      { what: 'job running' },
    );

    const stop = await fetch(`${harness.api.url}/v1/jobs/${id}`, { method: 'DELETE', headers: auth(keys.alice) });
    expect(stop.status).toBe(202);
    const stopped = await waitFor(
      async () => {
        const view = await getJson(`${harness.api.url}/v1/jobs/${id}`, keys.alice);
        return view.body.state === 'cancelled' ? view.body : undefined;
      },
      { what: 'active job cancelled' },
    );
    expect((stopped.progress as { done: number }).done).toBeLessThan(200);
    expect(stopped.attempts).toMatchObject({ made: 1 });
    const again = await fetch(`${harness.api.url}/v1/jobs/${id}`, { method: 'DELETE', headers: auth(keys.alice) });
    expect(again.status).toBe(409);
  });
});
