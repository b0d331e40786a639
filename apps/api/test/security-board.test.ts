import { appRoutes } from '@bull-board/api/dist/routes.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, keys, startHarness, submitEcho, type Harness } from './fixtures/harness';
import { expectNoInternals } from './security-helpers';

const admin = { Authorization: `Bearer ${adminToken}` };
const board = '/admin/queues';

/** Every route of bull-board's API that is not a read, from its own route table. */
const writeRoutes = appRoutes.api.flatMap((route) => {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const paths = Array.isArray(route.route) ? route.route : [route.route];
  return methods.filter((method) => method !== 'get').flatMap((method) => paths.map((path) => ({ method: method.toUpperCase(), path })));
});

function concrete(path: string, jobId: string): string {
  return path.replace(':queueName', 'test-echo').replace(':jobId', jobId).replace(':queueStatus', 'failed').replace(':schedulerId', 'none');
}

async function boardCall(h: Harness, method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}) {
  const response = await fetch(`${h.api.url}${board}${path}`, {
    method,
    headers: { ...admin, ...init.headers },
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  const text = await response.text();
  expectNoInternals(text);
  return { status: response.status, text, json: () => JSON.parse(text) as { error: { code: string } } };
}

async function jobData(h: Harness, jobId: string): Promise<unknown> {
  const reply = await boardCall(h, 'GET', `/api/queues/test-echo/${jobId}`);
  return reply.status === 200 ? (JSON.parse(reply.text) as { job: { data: unknown } }).job.data : undefined;
}

async function queueInfo(h: Harness) {
  const reply = await boardCall(h, 'GET', '/api/queues');
  const queues = (JSON.parse(reply.text) as { queues: { name: string; readOnlyMode: boolean; isPaused: boolean; counts: Record<string, number> }[] }).queues;
  return queues.find((queue) => queue.name === 'test-echo')!;
}

describe('Bull Board by default (read-only)', () => {
  let h: Harness;
  let jobId: string;
  beforeAll(async () => {
    h = await startHarness('board-ro');
    jobId = String((await submitEcho(h.api, keys.alice, { items: [{ id: 'a', text: 'tenant text' }] })).body.id);
  });
  afterAll(() => h.close());

  it('lists write routes from bull-board itself (the test would be empty otherwise)', () => {
    expect(writeRoutes.length).toBeGreaterThanOrEqual(20);
    expect(writeRoutes).toEqual(
      expect.arrayContaining([
        { method: 'POST', path: '/api/queues/:queueName/add' },
        { method: 'PATCH', path: '/api/queues/:queueName/:jobId/update-data' },
      ]),
    );
  });

  it('refuses every write route, even same-origin JSON from an admin, and nothing changes', async () => {
    const before = { data: await jobData(h, jobId), queue: await queueInfo(h) };
    for (const route of writeRoutes) {
      const reply = await boardCall(h, route.method, concrete(route.path, jobId), {
        headers: { Origin: h.api.url, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'x', data: { tenant: 'bob', items: [] }, concurrency: 1 }),
      });
      expect(reply.status, `${route.method} ${route.path}`).toBe(403);
      expect(['board_read_only', 'board_write_refused']).toContain(reply.json().error.code);
    }
    const after = { data: await jobData(h, jobId), queue: await queueInfo(h) };
    expect(after.data).toEqual(before.data);
    expect(after.queue.isPaused).toBe(false);
    expect(after.queue.counts).toEqual(before.queue.counts);
  });

  it("uses bull-board's own read-only mode too, so the UI offers no write buttons", async () => {
    expect((await queueInfo(h)).readOnlyMode).toBe(true);
  });

  it('still shows queues and jobs to the admin, and nothing without the admin token', async () => {
    expect((await boardCall(h, 'GET', '/api/queues')).status).toBe(200);
    expect(await jobData(h, jobId)).toMatchObject({ tenant: 'alice' });
    const anonymous = await fetch(`${h.api.url}${board}/api/queues`);
    expect(anonymous.status).toBe(401);
  });
});

describe('Bull Board with BULL_BOARD_WRITES=true', () => {
  let h: Harness;
  const sameOrigin = () => ({ Origin: h.api.url, 'Content-Type': 'application/json' });
  beforeAll(async () => {
    h = await startHarness('board-rw', { BULL_BOARD_WRITES: 'true' });
  });
  afterAll(() => h.close());
  const newJob = async () => String((await submitEcho(h.api, keys.alice, { items: [{ id: 'a', text: 'tenant text' }] })).body.id);

  it('never adds jobs or rewrites job data, whatever the origin, case or body', async () => {
    const jobId = await newJob();
    const before = { data: await jobData(h, jobId), counts: (await queueInfo(h)).counts };
    const attempts = [
      ['POST', '/api/queues/test-echo/add'],
      ['POST', '/API/QUEUES/test-echo/ADD/'],
      ['PATCH', `/api/queues/test-echo/${jobId}/update-data`],
      ['PATCH', `/api/queues/test-echo/${jobId}/UPDATE-DATA`],
    ] as const;
    for (const [method, path] of attempts) {
      const reply = await boardCall(h, method, path, {
        headers: sameOrigin(),
        body: JSON.stringify({ name: 'test-echo', data: { tenant: 'bob', items: [{ id: 'x', text: 'raw jane@example.com' }] } }),
      });
      expect(reply.status, `${method} ${path}`).toBe(403);
      expect(reply.json().error.code).toBe('board_write_refused');
    }
    expect(await jobData(h, jobId)).toEqual(before.data);
    expect((await queueInfo(h)).counts).toEqual(before.counts);
  });

  it('refuses a cross-origin write, and one with neither Origin nor Referer', async () => {
    const jobId = await newJob();
    const crossOrigin = await boardCall(h, 'PUT', `/api/queues/test-echo/${jobId}/clean`, {
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(crossOrigin.status).toBe(403);
    expect(crossOrigin.json().error.code).toBe('cross_origin');
    const crossReferer = await boardCall(h, 'PUT', '/api/queues/test-echo/pause', { headers: { Referer: 'https://evil.example/page' } });
    expect(crossReferer.status).toBe(403);
    const anonymousOrigin = await boardCall(h, 'PUT', '/api/queues/test-echo/pause');
    expect(anonymousOrigin.status).toBe(403);
    expect(await jobData(h, jobId)).toBeDefined();
    expect((await queueInfo(h)).isPaused).toBe(false);
  });

  it('refuses a same-origin write whose body is not JSON (what a form can send)', async () => {
    const jobId = await newJob();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const reply = await boardCall(h, 'PUT', `/api/queues/test-echo/${jobId}/clean`, { headers: { Origin: h.api.url, 'Content-Type': type }, body: 'a=1' });
      expect(reply.status, type).toBe(415);
    }
    expect(await jobData(h, jobId)).toBeDefined();
  });

  it('allows a same-origin JSON write: removing one job, pausing and resuming the queue', async () => {
    const jobId = await newJob();
    const clean = await boardCall(h, 'PUT', `/api/queues/test-echo/${jobId}/clean`, { headers: sameOrigin(), body: '{}' });
    expect(clean.status).toBe(204);
    expect(await jobData(h, jobId)).toBeUndefined();
    // The UI sends pause without a body; the Referer alone proves the origin.
    const pause = await boardCall(h, 'PUT', '/api/queues/test-echo/pause', { headers: { Referer: `${h.api.url}${board}/queue/test-echo` } });
    expect(pause.status).toBe(200);
    expect((await queueInfo(h)).isPaused).toBe(true);
    expect((await boardCall(h, 'PUT', '/api/queues/test-echo/resume', { headers: sameOrigin(), body: '{}' })).status).toBe(200);
    expect((await queueInfo(h)).isPaused).toBe(false);
  });
});
