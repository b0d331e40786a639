import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, getJson, keys, startHarness, submitEcho, type Harness } from './fixtures/harness';

// No worker runs here: submitted jobs stay waiting, which is what these tests need.
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness('tenants');
});
afterAll(() => harness.close());

const body = { items: [{ id: 'a', text: 'x' }] };

async function waitingCount(): Promise<number> {
  const metrics = await (await fetch(`${harness.api.url}/metrics`)).text();
  return Number(/llmops_queue_jobs\{queue="test-echo",state="waiting"\} (\d+)/.exec(metrics)?.[1]);
}

describe('Idempotency-Key', () => {
  it('returns the first job for a repeated submission instead of creating another', async () => {
    const before = await waitingCount();
    const first = await submitEcho(harness.api, keys.alice, body, { 'Idempotency-Key': 'order-42' });
    const second = await submitEcho(harness.api, keys.alice, body, { 'Idempotency-Key': 'order-42' });
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await waitingCount()).toBe(before + 1);
  });

  it('creates one job when identical submissions race', async () => {
    const before = await waitingCount();
    const results = await Promise.all(Array.from({ length: 8 }, () => submitEcho(harness.api, keys.alice, body, { 'Idempotency-Key': 'race-1' })));
    expect(new Set(results.map((result) => result.body.id)).size).toBe(1);
    expect(await waitingCount()).toBe(before + 1);
  });

  it('refuses a reused key with a different body (422), and keys are per tenant', async () => {
    await submitEcho(harness.api, keys.alice, body, { 'Idempotency-Key': 'k-1' });
    const conflict = await submitEcho(harness.api, keys.alice, { items: [{ id: 'b', text: 'y' }] }, { 'Idempotency-Key': 'k-1' });
    expect(conflict.status).toBe(422);
    const bobs = await submitEcho(harness.api, keys.bob, body, { 'Idempotency-Key': 'k-1' });
    const alices = await submitEcho(harness.api, keys.alice, body, { 'Idempotency-Key': 'k-1' });
    expect(bobs.status).toBe(202);
    expect(bobs.body.id).not.toBe(alices.body.id);
  });
});

describe('tenant isolation', () => {
  it("lets neither tenant read, page, stream, list or cancel the other's jobs (404, not 403)", async () => {
    const alices = await submitEcho(harness.api, keys.alice, body);
    const id = String(alices.body.id);
    const base = `${harness.api.url}/v1/jobs/${id}`;
    expect((await getJson(base, keys.alice)).status).toBe(200);
    expect((await getJson(base, keys.bob)).status).toBe(404);
    expect((await getJson(`${base}/results`, keys.bob)).status).toBe(404);
    expect((await fetch(`${base}/events`, { headers: auth(keys.bob) })).status).toBe(404);
    expect((await fetch(base, { method: 'DELETE', headers: auth(keys.bob) })).status).toBe(404);
    expect((await getJson(base, keys.alice)).body.state).toBe('waiting');

    const bobsList = await getJson(`${harness.api.url}/v1/jobs`, keys.bob);
    expect((bobsList.body.jobs as { id: string }[]).map((job) => job.id)).not.toContain(id);
    const alicesList = await getJson(`${harness.api.url}/v1/jobs`, keys.alice);
    expect((alicesList.body.jobs as { id: string }[]).map((job) => job.id)).toContain(id);
  });

  it('answers 404 for ids that are not jobs at all', async () => {
    expect((await getJson(`${harness.api.url}/v1/jobs/nope`, keys.alice)).status).toBe(404);
    expect((await getJson(`${harness.api.url}/v1/jobs/test-echo-00000000-0000-4000-8000-000000000000`, keys.alice)).status).toBe(404);
  });

  it('lists jobs newest first, a page at a time', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(String((await submitEcho(harness.api, keys.bob, body)).body.id));
    const first = await getJson(`${harness.api.url}/v1/jobs?limit=2`, keys.bob);
    const page1 = (first.body.jobs as { id: string }[]).map((job) => job.id);
    expect(page1).toEqual([ids[2], ids[1]]);
    const second = await getJson(`${harness.api.url}/v1/jobs?limit=2&cursor=${first.body.nextCursor}`, keys.bob);
    expect((second.body.jobs as { id: string }[])[0]?.id).toBe(ids[0]);
  });
});

describe('cancel before start', () => {
  it('removes a waiting job and still shows it to its owner as cancelled', async () => {
    const before = await waitingCount();
    const submitted = await submitEcho(harness.api, keys.alice, body);
    const id = String(submitted.body.id);
    const cancel = await fetch(`${harness.api.url}/v1/jobs/${id}`, { method: 'DELETE', headers: auth(keys.alice) });
    expect(cancel.status).toBe(200);
    expect(await waitingCount()).toBe(before);
    const view = await getJson(`${harness.api.url}/v1/jobs/${id}`, keys.alice);
    expect(view.body).toMatchObject({ id, state: 'cancelled' });
    expect((await getJson(`${harness.api.url}/v1/jobs/${id}`, keys.bob)).status).toBe(404);
  });
});

describe('bulk submission', () => {
  const post = (jobs: unknown[], headers: Record<string, string> = {}) =>
    fetch(`${harness.api.url}/v1/test-echo/batch`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${keys.alice}`, 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ jobs }),
    });

  it('accepts many jobs in one request, one id each, in order', async () => {
    const before = await waitingCount();
    const response = await post([body, body, body]);
    expect(response.status).toBe(202);
    const accepted = (await response.json()) as { jobs: { id: string }[] };
    expect(accepted.jobs).toHaveLength(3);
    expect(await waitingCount()).toBe(before + 3);
    const listed = await getJson(`${harness.api.url}/v1/jobs?limit=3`, keys.alice);
    expect((listed.body.jobs as { id: string }[]).map((job) => job.id)).toEqual(accepted.jobs.map((job) => job.id).reverse());
  });

  it('rejects the whole batch when one body is wrong, naming it, and enqueues nothing', async () => {
    const before = await waitingCount();
    const response = await post([body, { items: [{ id: 'a', text: 5 }] }, body]);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/body\.jobs\.1\.items\.0\.text/);
    expect(await waitingCount()).toBe(before);
  });

  it('replays a batch with the same Idempotency-Key', async () => {
    const first = (await (await post([body, body], { 'Idempotency-Key': 'bulk-1' })).json()) as { jobs: { id: string }[] };
    const before = await waitingCount();
    const again = await post([body, body], { 'Idempotency-Key': 'bulk-1' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as { jobs: { id: string }[] }).jobs).toEqual(first.jobs);
    expect(await waitingCount()).toBe(before);
  });
});
