import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@llmops/logger';
import { deleteKeys, uniquePrefix } from '@llmops/testing';
import { loadApiEnv } from '../src/env';
import { startApiServer, type ApiServer } from '../src/server';
import { echoCatalog, echoSubmission } from './fixtures/echo-catalog';
import { adminToken, json, keys, redisUrl } from './fixtures/harness';
import { logCapture, rawRequest } from './security-helpers';

// What an attacker (or a careless client) can put in a request line and its headers.
const email = 'jane.doe@example.com';
const card = '4111 1111 1111 1111';
const secrets = [
  /jane\.doe/i,
  /jane\.doe%40/i,
  /4111[\s%20+-]*1111/,
  new RegExp(keys.alice),
  /session-cookie-value/,
  /query-secret-value/,
  new RegExp(adminToken),
];

let api: ApiServer;
let prefix: string;
const capture = logCapture();

beforeAll(async () => {
  prefix = uniquePrefix('logs');
  const env = loadApiEnv({
    PORT: '0',
    HOST: '127.0.0.1',
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    API_KEYS: `alice:${keys.alice}`,
    ADMIN_TOKEN: adminToken,
    NODE_ENV: 'test',
  });
  api = await startApiServer({
    env,
    catalog: echoCatalog,
    submissions: [echoSubmission],
    logger: createLogger({ name: 'api', level: 'debug', destination: capture.destination }),
  });
});
afterAll(async () => {
  await api.close();
  await deleteKeys(redisUrl, prefix);
});

const hostileHeaders = {
  'User-Agent': `curl/8 (${email}; card ${card})`,
  'Idempotency-Key': email,
  'X-Request-Id': card.replace(/ /g, ''),
  Cookie: 'sid=session-cookie-value',
  'X-Forwarded-For': '203.0.113.9',
};

describe('request logs', () => {
  it('hold neither the email nor the card number from the URL, query or headers, nor any credential', async () => {
    const encoded = encodeURIComponent(email);
    const requests = [
      {
        method: 'GET',
        path: `/v1/jobs/${encoded}?note=${encodeURIComponent(card)}&contact=${email}&token=query-secret-value`,
        headers: { ...hostileHeaders, Authorization: `Bearer ${keys.alice}` },
      },
      {
        method: 'POST',
        path: `/v1/test-echo?who=${encoded}`,
        headers: { ...hostileHeaders, ...json(keys.alice) },
        body: JSON.stringify({ items: [{ id: 'a', text: 'x' }] }),
      },
      { method: 'GET', path: `/no/such/${email}/${card.replace(/ /g, '-')}`, headers: hostileHeaders },
      { method: 'GET', path: '/admin/queues/api/queues', headers: { ...hostileHeaders, Authorization: `Bearer ${adminToken}` } },
    ];
    const replies = [];
    for (const request of requests) replies.push(await rawRequest(api.url, request));
    expect(replies.map((reply) => reply.status)).toEqual([400, 202, 404, 200]);
    // The card-shaped request id was not taken: the API made its own.
    for (const reply of replies) expect(reply.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

    const written = capture.lines.join('\n');
    for (const secret of secrets) expect(written).not.toMatch(secret);
    const requestLines = capture.entries().filter((entry) => entry.msg === 'request completed');
    expect(requestLines).toHaveLength(requests.length);
    const [jobLine, submitLine] = requestLines as { req: { url: string; headers: Record<string, string>; idempotencyKey?: string } }[];
    // Still useful to an operator: the route, the scrubbed values' types, a key fingerprint.
    expect(jobLine!.req.url).toMatch(/^\/v1\/jobs\/\[EMAIL\]\?note=\[CREDIT_CARD\]&contact=\[EMAIL\]&token=\[REDACTED\]$/);
    expect(submitLine!.req.idempotencyKey).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(Object.keys(submitLine!.req.headers).every((name) => ['accept', 'content-length', 'content-type', 'user-agent'].includes(name))).toBe(true);
    expect(JSON.stringify(requestLines)).not.toMatch(/authorization|cookie|x-forwarded-for|203\.0\.113/i);
  });

  it('logs a 5xx once with its request id: the access line carries no error of its own', async () => {
    const before = capture.lines.length;
    // /readyz answers 503 here: no worker has reported.
    const reply = await rawRequest(api.url, { path: '/readyz' });
    expect(reply.status).toBe(503);
    const lines = capture.entries().slice(before);
    const access = lines.filter((entry) => entry.msg === 'request completed');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ req: { id: reply.headers['x-request-id'] }, res: { statusCode: 503 } });
    expect(access[0]).not.toHaveProperty('err');
  });

  it('keeps a safe client request id, and logs health checks, metrics and board polling at debug', async () => {
    const before = capture.lines.length;
    const kept = await rawRequest(api.url, { path: '/healthz', headers: { 'X-Request-Id': 'trace-7f3a9c' } });
    expect(kept.headers['x-request-id']).toBe('trace-7f3a9c');
    await rawRequest(api.url, { path: '/metrics' });
    await rawRequest(api.url, { path: '/admin/queues/api/queues', headers: { Authorization: `Bearer ${adminToken}` } });
    const lines = capture.entries().slice(capture.entries().length - (capture.lines.length - before));
    const quiet = lines.filter((entry) => entry.msg === 'request completed');
    expect(quiet).toHaveLength(3);
    expect(quiet.every((entry) => entry.level === 20)).toBe(true);
    expect(quiet[0]).toMatchObject({ req: { id: 'trace-7f3a9c' } });
  });
});
