import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, json, keys, startHarness, type Harness } from './fixtures/harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness('bad-input', { BODY_LIMIT: '4kb' });
});
afterAll(() => harness.close());

async function queueTotal(): Promise<number> {
  const metrics = await (await fetch(`${harness.api.url}/metrics`)).text();
  return [...metrics.matchAll(/llmops_queue_jobs\{queue="test-echo",state="\w+(?:-\w+)?"\} (\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
}

async function post(body: string, headers: Record<string, string>) {
  const response = await fetch(`${harness.api.url}/v1/test-echo`, { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as { error: { code: string; message: string; details?: { issues: { path: string }[] } } } };
}

describe('bad input gets the right 4xx and enqueues nothing', () => {
  it.each([
    ['malformed JSON', '{"items": [', 400, /not valid JSON/],
    ['a wrong type', JSON.stringify({ items: 'many' }), 400, /body\.items: /],
    ['a wrong nested type', JSON.stringify({ items: [{ id: 1, text: 'x' }] }), 400, /body\.items\.0\.id/],
    // The unknown key is not echoed (key names are tenant text): the message says there is one.
    ['an unknown field', JSON.stringify({ items: [{ id: 'a', text: 'x' }], colour: 'red' }), 400, /unrecognized key/],
    ['a missing field', JSON.stringify({}), 400, /body\.items/],
    ['an oversized body', JSON.stringify({ items: [{ id: 'a', text: 'x'.repeat(8_000) }] }), 413, /BODY_LIMIT/],
  ])('%s', async (_name, body, status, message) => {
    const before = await queueTotal();
    const response = await post(body, json(keys.alice));
    expect(response.status).toBe(status);
    expect(response.body.error.message).toMatch(message);
    expect(await queueTotal()).toBe(before);
  });

  it('names each wrong field by its path', async () => {
    const response = await post(JSON.stringify({ items: [{ id: '', text: 3 }], delayMs: -1 }), json(keys.alice));
    expect(response.status).toBe(400);
    const paths = response.body.error.details?.issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['body.items.0.id', 'body.items.0.text', 'body.delayMs']));
  });

  it('401s a missing or unknown key before reading the body', async () => {
    const before = await queueTotal();
    const missing = await post(JSON.stringify({ items: [{ id: 'a', text: 'x' }] }), { 'Content-Type': 'application/json' });
    expect(missing.status).toBe(401);
    const unknown = await post(JSON.stringify({ items: [{ id: 'a', text: 'x' }] }), json('not-a-key'));
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toMatch(/unknown API key/);
    const bigUnauthenticated = await post('x'.repeat(100_000), { 'Content-Type': 'application/json' });
    expect(bigUnauthenticated.status).toBe(401);
    expect(await queueTotal()).toBe(before);
  });

  it('415s a body that is not JSON', async () => {
    const response = await post('items=1', { ...auth(keys.alice), 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(415);
  });

  it('400s a bad Idempotency-Key and a bad page size', async () => {
    const badKey = await post(JSON.stringify({ items: [{ id: 'a', text: 'x' }] }), { ...json(keys.alice), 'Idempotency-Key': 'has spaces in it' });
    expect(badKey.status).toBe(400);
    expect(badKey.body.error.message).toMatch(/Idempotency-Key/);
    const list = await fetch(`${harness.api.url}/v1/jobs?limit=100000`, { headers: auth(keys.alice) });
    expect(list.status).toBe(400);
    expect(((await list.json()) as { error: { message: string } }).error.message).toMatch(/query\.limit/);
  });

  it('404s unknown routes with a JSON body', async () => {
    const response = await fetch(`${harness.api.url}/v1/nothing-here`, { headers: auth(keys.alice) });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
