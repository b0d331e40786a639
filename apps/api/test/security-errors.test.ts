import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@llmops/logger';
import { errorHandler } from '../src/http/error-handler';
import { auth, json, keys, startPlatform, type PlatformHarness } from './fixtures/platform-harness';
import { expectNoInternals, logCapture, rawRequest } from './security-helpers';

let h: PlatformHarness;
beforeAll(async () => {
  h = await startPlatform('security-errors', { env: { BODY_LIMIT: '256kb' } });
  // A collection to search, created by the ingestion route itself (no worker needed for that).
  const created = await fetch(`${h.api.url}/v1/collections/docs/documents`, {
    method: 'POST',
    headers: json(keys.alice),
    body: JSON.stringify({ documents: [{ id: 'd1', text: 'Employees accrue two days of leave per month.' }] }),
  });
  expect(created.status).toBe(202);
});
afterAll(() => h.close());

/** JSON text nested `depth` levels (built as text: JSON.stringify itself overflows on such values). */
function nested(depth: number, open: string, leaf: string, close: string): string {
  return `${open.repeat(depth)}${leaf}${close.repeat(depth)}`;
}

const evaluation = (graders: unknown[]) => ({ cases: [{ id: 'a', input: 'q', output: '{}' }], graders });
const deepFilter = nested(5_000, '{"and":[', '{"field":"documentId","eq":"d1"}', ']}');
const deepSchema = nested(3_000, '{"type":"object","properties":{"a":', '{"type":"string"}', '}}');

interface Hostile {
  name: string;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  status: number | 'any-4xx';
  /** Text the error message must contain: the field it names, the limit. */
  names?: RegExp[];
  /** Client input that must not come back. */
  notEchoed?: RegExp[];
}

const alice = auth(keys.alice);
const aliceJson = json(keys.alice);
const search = '/v1/collections/docs/search';

const hostile: Hostile[] = [
  { name: 'malformed JSON', method: 'POST', path: '/v1/evaluations', headers: aliceJson, body: '{"cases": [', status: 400 },
  {
    name: 'a search filter nested 5,000 deep',
    method: 'POST',
    path: search,
    headers: aliceJson,
    body: `{"query":"leave","filter":${deepFilter}}`,
    status: 400,
    names: [/body\.filter/, /32/],
  },
  {
    name: 'a 32,000-character search query',
    method: 'POST',
    path: search,
    headers: aliceJson,
    body: JSON.stringify({ query: '7 '.repeat(16_000) }),
    status: 'any-4xx',
    names: [/body\.query/],
  },
  {
    name: 'a JSON Schema nested 3,000 deep in a grader',
    method: 'POST',
    path: '/v1/evaluations',
    headers: aliceJson,
    body: JSON.stringify(evaluation([{ type: 'json-schema', schema: {} }])).replace('"schema":{}', `"schema":${deepSchema}`),
    status: 400,
    names: [/body\.graders\.0\.schema/, /32/],
  },
  { name: 'an unknown /v1 route', path: '/v1/no-such-thing', headers: alice, status: 404 },
  { name: 'an unknown top-level route', path: '/etc/passwd', status: 404 },
  { name: 'a traversal-looking path', path: '/v1/jobs/..%2F..%2Fetc%2Fpasswd', headers: alice, status: 'any-4xx' },
  { name: 'a malformed %-escape in a path parameter', path: '/v1/jobs/%E0%A4%A', headers: alice, status: 400, names: [/could not be read/] },
  { name: 'a job id of 5,000 characters', path: `/v1/jobs/${'a'.repeat(5_000)}`, headers: alice, status: 400, names: [/params\.id/, /200/] },
  { name: 'a wrong method on a job list', method: 'PUT', path: '/v1/jobs', headers: aliceJson, body: '{}', status: 405 },
  { name: 'a wrong method on a submission route', method: 'DELETE', path: '/v1/evaluations', headers: alice, status: 405 },
  { name: 'a wrong method on /healthz', method: 'POST', path: '/healthz', status: 405 },
  { name: 'huge headers', path: '/v1/jobs', headers: { ...alice, 'X-Padding': 'x'.repeat(40_000) }, status: 431 },
  {
    name: 'text/plain to a submission route',
    method: 'POST',
    path: '/v1/evaluations',
    headers: { ...alice, 'Content-Type': 'text/plain' },
    body: JSON.stringify(evaluation([{ type: 'exact' }])),
    status: 415,
  },
  {
    name: 'a form body to search',
    method: 'POST',
    path: search,
    headers: { ...alice, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'query=leave',
    status: 415,
  },
  {
    name: 'multipart to inference',
    method: 'POST',
    path: '/v1/inference',
    headers: { ...alice, 'Content-Type': 'multipart/form-data; boundary=x' },
    body: '--x\r\n\r\n--x--',
    status: 415,
  },
  { name: 'a POST without a content type', method: 'POST', path: '/v1/cache/warm', headers: alice, body: '{}', status: 415 },
  {
    name: 'invalid UTF-8',
    method: 'POST',
    path: search,
    headers: aliceJson,
    body: Buffer.concat([Buffer.from('{"query":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]),
    status: 400,
    names: [/UTF-8/],
  },
  {
    name: "a body over this deployment's limit",
    method: 'POST',
    path: '/v1/evaluations',
    headers: aliceJson,
    body: JSON.stringify(evaluation([{ type: 'contains', value: 'x'.repeat(300_000) }])),
    status: 413,
    names: [/262144/],
  },
  {
    name: 'a __proto__ key at the top',
    method: 'POST',
    path: '/v1/evaluations',
    headers: aliceJson,
    body: '{"__proto__": {"polluted": true}, "cases": [{"id": "a", "input": "q", "output": "x"}], "graders": [{"type": "exact"}]}',
    status: 400,
    names: [/__proto__/],
  },
  {
    name: 'a __proto__ key deep in a JSON Schema',
    method: 'POST',
    path: '/v1/evaluations',
    headers: aliceJson,
    body: JSON.stringify(evaluation([{ type: 'json-schema', schema: { type: 'object' } }])).replace(
      '"type":"object"',
      '"type":"object","__proto__":{"polluted":true}',
    ),
    status: 400,
    names: [/body\.graders\.0\.schema/],
  },
  {
    name: 'a constructor.prototype key',
    method: 'POST',
    path: '/v1/cache/warm',
    headers: aliceJson,
    body: '{"constructor": {"prototype": {"polluted": true}}}',
    status: 400,
  },
  { name: 'an absurd page size', path: '/v1/jobs?limit=1e309', headers: alice, status: 400, names: [/query\.limit/] },
  { name: 'a repeated query parameter', path: '/v1/jobs?limit=1&limit=2', headers: alice, status: 400, names: [/query\.limit/] },
  { name: 'an array-shaped query parameter', path: '/v1/jobs?limit[]=1&cursor[a]=b', headers: alice, status: 400 },
  { name: 'a __proto__ query parameter', path: '/v1/jobs?__proto__=x&constructor=y', headers: alice, status: 400 },
  { name: 'a 4,000-character cursor', path: `/v1/jobs?cursor=${'c'.repeat(4_000)}`, headers: alice, status: 400, names: [/query\.cursor/, /400/] },
  { name: '1,500 query parameters', path: `/v1/jobs?${Array.from({ length: 1_500 }, (_, i) => `p${i}=1`).join('&')}`, headers: alice, status: 400 },
  { name: 'a query string past the header limit', path: `/v1/jobs?cursor=${'c'.repeat(20_000)}`, headers: alice, status: 431 },
  {
    name: 'an unknown key holding an email',
    method: 'POST',
    path: '/v1/evaluations',
    headers: aliceJson,
    body: JSON.stringify({ ...evaluation([{ type: 'exact' }]), 'jane.doe@example.com': 1 }),
    status: 400,
    names: [/unrecognized key/],
    notEchoed: [/jane\.doe/],
  },
  {
    name: 'a wrong value holding a card number',
    method: 'POST',
    path: '/v1/evaluations',
    headers: aliceJson,
    body: JSON.stringify(evaluation([{ type: 'exact' }])).replace('"id":"a"', '"id":"4111 1111 1111 1111"'),
    status: 400,
    names: [/body\.cases\.0\.id/],
    notEchoed: [/4111/],
  },
  {
    name: 'an Idempotency-Key holding an email',
    method: 'POST',
    path: '/v1/evaluations',
    headers: { ...aliceJson, 'Idempotency-Key': 'jane doe@example.com' },
    body: JSON.stringify(evaluation([{ type: 'exact' }])),
    status: 400,
    names: [/Idempotency-Key/],
    notEchoed: [/jane/],
  },
];

describe('hostile requests get a 4xx that names the field and leaks nothing', () => {
  it.each(hostile.map((request) => [request.name, request] as const))('%s', async (_name, request) => {
    const reply = await rawRequest(h.api.url, request);
    if (request.status === 'any-4xx') {
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
    } else {
      expect(reply.status).toBe(request.status);
    }
    expectNoInternals(reply.text);
    for (const echoed of request.notEchoed ?? []) expect(reply.text).not.toMatch(echoed);
    if (reply.status === 431) return; // Node's HTTP parser answers before the app: no body at all.
    const body = JSON.parse(reply.text) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.requestId).toBe(reply.headers['x-request-id']);
    for (const named of request.names ?? []) expect(body.error.message).toMatch(named);
  });

  it('left no trace on Object.prototype', () => {
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('is still serving the tenant afterwards', async () => {
    const response = await fetch(`${h.api.url}${search}`, { method: 'POST', headers: aliceJson, body: JSON.stringify({ query: 'leave' }) });
    expect(response.status).toBe(200);
  });
});

describe('a 5xx', () => {
  it('says only "internal error" with its request id, and is logged once with that id', async () => {
    const capture = logCapture();
    const logger = createLogger({ name: 'errors-test', destination: capture.destination });
    const app = express();
    app.use((req, _res, next) => {
      Object.assign(req, { id: 'req-0001' });
      next();
    });
    app.get('/boom', () => {
      throw new Error('ENOENT: open /work/main/secret.ts:12 for jane.doe@example.com');
    });
    app.use(errorHandler({ logger, redisReady: () => true }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const reply = await rawRequest(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { path: '/boom' });
      expect(reply.status).toBe(500);
      expect(JSON.parse(reply.text)).toEqual({ error: { code: 'internal_error', message: 'internal error', requestId: 'req-0001' } });
      const logged = capture.entries().filter((entry) => entry.level === 50);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ requestId: 'req-0001', status: 500 });
      expect(capture.lines.join('\n')).not.toMatch(/jane\.doe@example\.com/);
    } finally {
      server.close();
    }
  });
});
