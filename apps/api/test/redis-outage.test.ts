import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RedisClient } from '@llmops/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformCatalog } from '@llmops/contracts';
import { startSimulator, type Simulator } from '@llmops/llm-simulator';
import { createLogger } from '@llmops/logger';
import { platformKeys, WorkerHeartbeats } from '@llmops/queue';
import { createRedis } from '@llmops/redis';
import { createPlatformServices, type PlatformServices } from '@llmops/services';
import { startRedisServer, uniquePrefix, waitFor, type OwnRedis } from '@llmops/testing';
import { loadApiEnv } from '../src/env';
import { platformFeatures } from '../src/features';
import { startApiServer, type ApiServer } from '../src/server';
import { adminToken, auth, json, keys } from './fixtures/harness';
import { expectNoInternals } from './security-helpers';

// The whole API (every route family, real services) on a private Redis that the test stops and
// restarts on the same port and data (AOF), while the API keeps running.
const redisArgs = ['--appendonly', 'yes', '--appendfsync', 'always', '--maxmemory-policy', 'noeviction'];
let redis: OwnRedis;
let simulator: Simulator;
let servicesRedis: RedisClient;
let services: PlatformServices;
let api: ApiServer;
let prefix: string;
let vectorDir: string;
let jobId: string;

beforeAll(async () => {
  redis = await startRedisServer({ args: redisArgs });
  simulator = await startSimulator({});
  prefix = uniquePrefix('outage');
  vectorDir = mkdtempSync(join(tmpdir(), 'llmops-outage-'));
  const env = loadApiEnv({
    REDIS_URL: redis.url,
    QUEUE_PREFIX: prefix,
    OPENAI_BASE_URL: simulator.baseURL,
    OPENAI_API_KEY: 'simulator',
    PII_VAULT_KEY: randomBytes(32).toString('hex'),
    VECTOR_DIR: vectorDir,
    PORT: '0',
    HOST: '127.0.0.1',
    API_KEYS: `alice:${keys.alice}`,
    ADMIN_TOKEN: adminToken,
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
  });
  servicesRedis = createRedis({ url: redis.url, role: 'client', name: 'outage-services' });
  services = createPlatformServices(env, { redis: servicesRedis, prefix, vaultTtlSeconds: 3600 });
  api = await startApiServer({
    env,
    catalog: platformCatalog,
    submissions: [],
    features: platformFeatures,
    services,
    logger: createLogger({ name: 'outage', level: 'silent' }),
  });
  await beat();
  const ingest = await send({
    method: 'POST',
    path: '/v1/collections/docs/documents',
    body: { documents: [{ id: 'd1', text: 'Leave accrues at two days a month.' }] },
  });
  expect(ingest.status).toBe(202);
  jobId = String((ingest.body as { id: string }).id);
}, 60_000);

afterAll(async () => {
  await api?.close();
  await services?.close();
  servicesRedis?.disconnect();
  await simulator?.close();
  await redis?.stop();
  rmSync(vectorDir, { recursive: true, force: true });
});

/** A worker's heartbeat, so /readyz can be ready without starting a worker process. */
async function beat(): Promise<void> {
  const direct = createRedis({ url: redis.url, role: 'client', name: 'outage-beat' });
  await new WorkerHeartbeats(direct, platformKeys(prefix)).beat('outage-worker');
  direct.disconnect();
}

interface Probe {
  method?: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

async function send(probe: Probe) {
  const headers = probe.headers ?? (probe.body === undefined ? auth(keys.alice) : json(keys.alice));
  const response = await fetch(`${api.url}${probe.path}`, {
    method: probe.method ?? 'GET',
    headers,
    ...(probe.body === undefined ? {} : { body: JSON.stringify(probe.body) }),
  });
  const text = await response.text();
  expectNoInternals(text);
  const isJson = response.headers.get('content-type')?.includes('json') ?? false;
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: isJson ? (JSON.parse(text) as unknown) : text };
}

const families: Record<string, Probe[]> = {
  jobs: [{ path: '/v1/jobs' }, { path: `/v1/jobs/__JOB__` }, { path: `/v1/jobs/__JOB__/results` }],
  submission: [
    { method: 'POST', path: '/v1/evaluations', body: { cases: [{ id: 'a', input: 'q', expected: 'x', output: 'x' }], graders: [{ type: 'exact' }] } },
    { method: 'POST', path: '/v1/inference', body: { model: 'gpt-4o-mini', items: [{ id: '1', messages: [{ role: 'user', content: 'hello' }] }] } },
  ],
  collections: [{ path: '/v1/collections' }, { method: 'POST', path: '/v1/collections/docs/search', body: { query: 'leave' } }],
  usage: [{ path: '/v1/usage' }],
  cache: [{ path: '/v1/cache/stats' }, { path: '/v1/cache/warming' }],
  readyz: [{ path: '/readyz', headers: {} }],
  metrics: [{ path: '/metrics', headers: {} }],
  board: [{ path: '/admin/queues/api/queues', headers: { Authorization: `Bearer ${adminToken}` } }],
};
const all = () =>
  Object.entries(families).flatMap(([family, probes]) => probes.map((probe) => ({ family, probe: { ...probe, path: probe.path.replace('__JOB__', jobId) } })));

describe('Redis unavailable', () => {
  it('every route family answers 503 with Retry-After (never 500) while Redis is down, /healthz stays 200', async () => {
    await redis.stop({ keepData: true });
    const seen: number[] = [];
    // Until the connection notices, answers may still be 200; from then on, 503. Never a 500.
    await waitFor(
      async () => {
        const reply = await send({ path: '/v1/jobs' });
        seen.push(reply.status);
        return reply.status === 503;
      },
      { what: 'the API to notice Redis is gone' },
    );
    expect(seen.filter((status) => status !== 200 && status !== 503)).toEqual([]);
    for (const { family, probe } of all()) {
      const reply = await send(probe);
      expect(reply.status, `${family} ${probe.path}`).toBe(503);
      expect(Number(reply.retryAfter), `${family} ${probe.path}`).toBeGreaterThan(0);
      if (family === 'metrics' || family === 'board' || family === 'readyz') continue;
      expect(reply.body).toMatchObject({ error: { code: 'unavailable' } });
    }
    expect((await send({ path: '/readyz', headers: {} })).body).toMatchObject({ redis: 'unreachable', error: { code: 'unavailable' } });
    expect((await send({ path: '/healthz', headers: {} })).status).toBe(200);
  });

  it('the same requests succeed once Redis is back, without restarting the API', async () => {
    redis = await startRedisServer({ port: redis.port, dir: redis.dir, args: redisArgs });
    await waitFor(async () => (await send({ path: '/v1/jobs' })).status === 200, { what: 'the API to reconnect', timeoutMs: 60_000 });
    await beat();
    for (const { family, probe } of all()) {
      const reply = await send(probe);
      expect(reply.status, `${family} ${probe.path}: ${JSON.stringify(reply.body)}`).toBeLessThan(300);
    }
    // The job accepted before the outage is still there (AOF), and readable by its owner.
    expect((await send({ path: `/v1/jobs/${jobId}` })).body).toMatchObject({ id: jobId, type: 'ingest' });
  });

  it('a Redis that is full (noeviction) makes writes 503 with Retry-After, and they succeed once it has room', async () => {
    const direct = createRedis({ url: redis.url, role: 'client', name: 'outage-config' });
    const submission = families.submission![0]!;
    try {
      await direct.config('SET', 'maxmemory', '1');
      const full = await send(submission);
      expect(full.status).toBe(503);
      expect(full.body).toMatchObject({ error: { code: 'unavailable' } });
      expect(Number(full.retryAfter)).toBeGreaterThan(0);
      expect((await send({ path: '/v1/jobs' })).status).toBe(200);
    } finally {
      await direct.config('SET', 'maxmemory', '0');
      direct.disconnect();
    }
    expect((await send(submission)).status).toBe(202);
  });
});
