import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, createClient, type JobEvent } from '../src';

// A local HTTP server plays the API, so retries, paging and reconnection are checked over real HTTP
// with answers a test chooses. The client against the real platform: apps/api/test/openapi-client.test.ts.

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

async function serve(handler: Handler): Promise<string> {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => handler(req, res, body));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const json = (res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(value));
};

/** A sleep that records what it was asked to wait and returns at once. */
function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

describe('retries', () => {
  it('retries a 429 after the Retry-After it names, with the same Idempotency-Key, and returns the job', async () => {
    const keys: (string | undefined)[] = [];
    const url = await serve((req, res) => {
      keys.push(req.headers['idempotency-key'] as string | undefined);
      if (keys.length < 3)
        return json(res, 429, { error: { code: 'limit_exceeded', message: 'concurrency.maxJobs', requestId: 'r1' } }, { 'retry-after': '2' });
      json(res, 202, { id: 'evaluation-1', type: 'evaluation', status: '/v1/jobs/evaluation-1', replayed: false });
    });
    const { delays, sleep } = recordingSleep();
    const client = createClient({ baseUrl: url, apiKey: 'k', retry: { sleep } });
    const accepted = await client.evaluations.submit({ cases: [{ id: 'c', input: 'x', output: 'y' }], graders: [{ type: 'contains', value: 'y' }] });
    expect(accepted.id).toBe('evaluation-1');
    expect(delays).toEqual([2000, 2000]);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^client-/);
  });

  it('gives up after its retries with a typed error carrying the code, request id and Retry-After', async () => {
    let calls = 0;
    const url = await serve((_req, res) => {
      calls += 1;
      json(res, 503, { error: { code: 'unavailable', message: 'retry later', requestId: 'req-9' } }, { 'retry-after': '5' });
    });
    const { delays, sleep } = recordingSleep();
    const client = createClient({ baseUrl: url, apiKey: 'k', retry: { retries: 2, sleep } });
    const error = await client.jobs.get('inference-1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'unavailable', status: 503, code: 'unavailable', requestId: 'req-9', retryAfterMs: 5000 });
    expect(calls).toBe(3);
    expect(delays).toEqual([5000, 5000]);
  });

  it('does not repeat a POST without an Idempotency-Key after a 503 (it may have been created)', async () => {
    let calls = 0;
    const url = await serve((_req, res) => {
      calls += 1;
      json(res, 503, { error: { code: 'unavailable', message: 'retry later', requestId: 'r' } }, { 'retry-after': '1' });
    });
    const client = createClient({ baseUrl: url, retry: { sleep: recordingSleep().sleep } });
    await expect(
      client.inference.submit({ model: 'm', items: [{ id: 'a', messages: [{ role: 'user', content: 'hi' }] }] }, { idempotencyKey: false }),
    ).rejects.toMatchObject({ kind: 'unavailable' });
    expect(calls).toBe(1);
  });

  it('never retries a 402 and exposes the budget numbers', async () => {
    let calls = 0;
    const details = {
      estimate: '0.4',
      limit: 'budget.day.usd',
      period: 'day',
      unit: 'usd',
      cap: '1',
      spent: '0.7',
      reserved: '0.1',
      remaining: '0.2',
      requested: '0.4',
    };
    const url = await serve((_req, res) => {
      calls += 1;
      json(res, 402, { error: { code: 'budget_exceeded', message: 'budget.day.usd: ...', details, requestId: 'r' } });
    });
    const client = createClient({ baseUrl: url, retry: { sleep: recordingSleep().sleep } });
    const error = (await client.cache.warm({ model: 'm', queries: ['q'] }).catch((caught: unknown) => caught)) as ApiError;
    expect(error.kind).toBe('budget');
    expect(error.details).toEqual(details);
    expect(calls).toBe(1);
  });
});

describe('paging', () => {
  it('iterates every result across pages, passing nextCursor back', async () => {
    const cursors: (string | null)[] = [];
    const url = await serve((req, res) => {
      const query = new URL(req.url!, 'http://x').searchParams;
      cursors.push(query.get('cursor'));
      const start = Number(query.get('cursor') ?? 0);
      const items = Array.from({ length: Math.min(2, 5 - start) }, (_, i) => ({ id: `item-${start + i}`, index: start + i, result: {} }));
      json(res, 200, { items, nextCursor: start + 2 < 5 ? String(start + 2) : null });
    });
    const client = createClient({ baseUrl: url });
    const ids: string[] = [];
    for await (const item of client.jobs.results('ingest-1', { limit: 2 })) ids.push(item.id);
    expect(ids).toEqual(['item-0', 'item-1', 'item-2', 'item-3', 'item-4']);
    expect(cursors).toEqual([null, '2', '4']);
  });
});

describe('job events', () => {
  it('reconnects a dropped stream with Last-Event-ID and resumes from the state it sends first', async () => {
    const lastEventIds: (string | undefined)[] = [];
    const job = (state: string) => ({
      id: 'inference-1',
      type: 'inference',
      state,
      progress: 0,
      attempts: { made: 1, max: 5 },
      createdAt: 'x',
      startedAt: null,
      finishedAt: null,
      error: null,
      result: null,
    });
    const url = await serve((req, res) => {
      lastEventIds.push(req.headers['last-event-id'] as string | undefined);
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      if (lastEventIds.length === 1) {
        res.write(`id: 1\nevent: state\ndata: ${JSON.stringify(job('active'))}\n\n`);
        res.write(`id: 2\nevent: progress\ndata: ${JSON.stringify({ id: 'inference-1', progress: { items: { done: 5, total: 10 } } })}\n\n`);
        // The connection drops before the job ends.
        setImmediate(() => res.socket?.destroy());
        return;
      }
      res.write(`id: 1\nevent: state\ndata: ${JSON.stringify(job('completed'))}\n\n`);
      res.end(`id: 2\nevent: completed\ndata: ${JSON.stringify({ id: 'inference-1', result: { items: 10 } })}\n\n`);
    });
    const client = createClient({ baseUrl: url, retry: { sleep: recordingSleep().sleep } });
    const events: JobEvent[] = [];
    for await (const event of client.jobs.events('inference-1')) events.push(event);
    expect(events.map((event) => event.type)).toEqual(['state', 'progress', 'state', 'completed']);
    expect(events[1]).toEqual({ type: 'progress', id: 'inference-1', progress: { items: { done: 5, total: 10 } } });
    expect(events[3]).toEqual({ type: 'completed', id: 'inference-1', result: { items: 10 } });
    expect(lastEventIds).toEqual([undefined, '2']);
  });
});
