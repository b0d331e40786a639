import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@llmops/testing';
import { adminToken, getJson, keys, startHarness, submitEcho, type Harness } from './fixtures/harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness('ops', { READY_WORKER_WINDOW_SECONDS: '30' });
});
afterAll(() => harness.close());

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('Bull Board', () => {
  it('answers 401 with a Basic challenge without credentials, and with wrong ones', async () => {
    const bare = await fetch(`${harness.api.url}/admin/queues`);
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect((await fetch(`${harness.api.url}/admin/queues`, { headers: { Authorization: basic('admin', 'wrong-password-xx') } })).status).toBe(401);
    expect((await fetch(`${harness.api.url}/admin/queues`, { headers: { Authorization: `Bearer ${keys.alice}` } })).status).toBe(401);
    expect((await fetch(`${harness.api.url}/admin/queues/api/queues`)).status).toBe(401);
  });

  it('serves the dashboard and its API with the admin password or token', async () => {
    const page = await fetch(`${harness.api.url}/admin/queues`, { headers: { Authorization: basic('admin', adminToken) } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<title>[^<]*llmops queues/i);
    const api = await fetch(`${harness.api.url}/admin/queues/api/queues`, { headers: { Authorization: `Bearer ${adminToken}` } });
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: { name: string }[] };
    expect(body.queues.map((queue) => queue.name)).toContain('test-echo');
  });
});

describe('health, readiness, metrics, OpenAPI', () => {
  it('is alive, and ready only once a worker has reported', async () => {
    expect((await fetch(`${harness.api.url}/healthz`)).status).toBe(200);
    const notReady = await fetch(`${harness.api.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(((await notReady.json()) as { reason: string }).reason).toMatch(/no worker/);
    await harness.startWorker();
    const ready = await fetch(`${harness.api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', redis: 'ok', workers: 1 });
  });

  it('exports queue depths, job durations from the workers, and request latencies', async () => {
    const submitted = await submitEcho(harness.api, keys.alice, { items: [{ id: 'a', text: 'x' }] });
    await waitFor(async () => (await getJson(`${harness.api.url}/v1/jobs/${submitted.body.id}`, keys.alice)).body.state === 'completed');
    const metrics = await waitFor(async () => {
      const text = await (await fetch(`${harness.api.url}/metrics`)).text();
      return /llmops_job_duration_seconds_count\{queue="test-echo",outcome="completed"\} [1-9]/.test(text) ? text : undefined;
    });
    expect(metrics).toMatch(/llmops_queue_jobs\{queue="test-echo",state="completed"\} [1-9]/);
    expect(metrics).toMatch(/llmops_http_request_duration_seconds_count\{method="POST",route="\/v1\/test-echo",status="202"\} [1-9]/);
    expect(metrics).not.toMatch(/route="\/v1\/jobs\/test-echo-/);
  });

  it('documents every route with the schemas the API validates with', async () => {
    const document = (await (await fetch(`${harness.api.url}/openapi.json`)).json()) as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown>; additionalProperties: boolean } }> } }>
      >;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/v1/test-echo', '/v1/jobs/{id}', '/v1/jobs/{id}/results', '/v1/jobs/{id}/events', '/healthz', '/readyz']),
    );
    const schema = document.paths['/v1/test-echo']?.post?.requestBody?.content['application/json']?.schema;
    expect(Object.keys(schema?.properties ?? {})).toEqual(['items', 'delayMs']);
    expect(schema?.additionalProperties).toBe(false);
  });
});
