// pnpm bench metrics: what a Prometheus scrape of /metrics costs, and what the console costs to build.
// - GET /metrics through the real API (prom-client collectors reading Redis at scrape time) with 10
//   and 100 tenants, each with usage, provider-call events, cache figures, refusals and queue waits
//   on every queue: median and p95 of 15 scrapes, and the exposition's size;
// - the same scrape with 20,000 jobs waiting in one queue (half of them prioritized): the depth and
//   oldest-job collectors ask BullMQ for counts and a few jobs only, so this must not grow with the queue;
// - bundling the console with esbuild (what the first /console request costs an API run from sources).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Queue } from 'bullmq';
import { CacheStatsRecorder, cacheKeys } from '@llmops/cache';
import { bullPrefix, llmKeyPrefix, platformCatalog, spendKeys } from '@llmops/contracts';
import { createLogger } from '@llmops/logger';
import { createRedis } from '@llmops/redis';
import { createPlatformServices, recordUsageCounters } from '@llmops/services';
import { deleteKeys, uniquePrefix } from '@llmops/testing';
import { buildConsole } from '../src/console/build';
import { loadApiEnv } from '../src/env';
import { platformFeatures } from '../src/features';
import { startApiServer } from '../src/server';

const redisUrl = 'redis://127.0.0.1:6379';
const queues = Object.keys(platformCatalog);

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;

async function scrapes(url: string, runs: number): Promise<{ p50: number; p95: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const response = await fetch(`${url}/metrics`);
    const text = await response.text();
    if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
    times.push(performance.now() - start);
    bytes = text.length;
  }
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), bytes };
}

async function platform(tenantCount: number) {
  const prefix = uniquePrefix(`bench-metrics-${tenantCount}`);
  const vectorDir = mkdtempSync(join(tmpdir(), 'bench-metrics-'));
  const tenants = Array.from({ length: tenantCount }, (_, i) => `tenant-${i}`);
  const env = loadApiEnv({
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
    OPENAI_API_KEY: 'unused',
    PII_VAULT_KEY: randomBytes(32).toString('hex'),
    VECTOR_DIR: vectorDir,
    PORT: '0',
    HOST: '127.0.0.1',
    API_KEYS: tenants.map((tenant) => `${tenant}:${tenant}-key-0123456789`).join(','),
    NODE_ENV: 'test',
  });
  const redis = createRedis({ url: redisUrl, role: 'client', name: 'bench-metrics' });
  const services = createPlatformServices(env, { redis, prefix, vaultTtlSeconds: 3600 });
  const api = await startApiServer({
    env,
    catalog: platformCatalog,
    submissions: [],
    features: platformFeatures,
    services,
    logger: createLogger({ name: 'bench', level: 'silent' }),
  });

  // Every tenant has something in every family a scrape reads.
  const cache = new CacheStatsRecorder(redis, cacheKeys(prefix));
  const events = spendKeys(llmKeyPrefix(prefix)).callEvents;
  for (const tenant of tenants) {
    for (const model of ['gpt-4o-mini', 'text-embedding-3-small']) {
      await recordUsageCounters(redis, prefix, {
        tenant,
        model,
        jobType: 'inference',
        requests: 3,
        inputTokens: 300,
        outputTokens: 90,
        costNanoUsd: 12_345n,
        idempotencyKey: `${tenant}-${model}`,
        at: new Date(),
        date: '2026-11-28',
      });
      for (const kind of ['retry', 'rate_limit_wait', 'limiter_wait']) await redis.hincrby(events, `${tenant}|${model}|inference|${kind}|count`, 2);
    }
    await cache.record(tenant, { kind: 'exact', savedInputTokens: 10, savedOutputTokens: 5, savedNanoUsd: 1_000n });
    await cache.record(tenant, { kind: 'miss' });
    await services.limits.refusals.record(tenant, 'rate');
    for (const queue of queues) await services.limits.waits.record(queue, tenant, 0.4);
  }
  return {
    api,
    redis,
    prefix,
    async close() {
      await api.close();
      await services.close();
      redis.disconnect();
      await deleteKeys(redisUrl, prefix);
      rmSync(vectorDir, { recursive: true, force: true });
    },
  };
}

for (const tenantCount of [10, 100]) {
  const p = await platform(tenantCount);
  await scrapes(p.api.url, 3); // warm-up
  const idle = await scrapes(p.api.url, 15);
  console.log(
    `/metrics, ${tenantCount} tenants, ${queues.length} queues: p50 ${idle.p50.toFixed(1)} ms, p95 ${idle.p95.toFixed(1)} ms, ${(idle.bytes / 1024).toFixed(0)} KiB`,
  );
  if (tenantCount === 10) {
    const queue = new Queue('inference', { connection: p.redis, prefix: bullPrefix(p.prefix, platformCatalog.inference) });
    await queue.pause();
    const jobs = Array.from({ length: 20_000 }, (_, i) => ({
      name: 'inference',
      data: { tenant: 'tenant-0', n: i },
      opts: i % 2 ? { priority: 1 + (i % 50) } : {},
    }));
    for (let i = 0; i < jobs.length; i += 1_000) await queue.addBulk(jobs.slice(i, i + 1_000));
    const deep = await scrapes(p.api.url, 15);
    console.log(`/metrics, 10 tenants, 20,000 jobs waiting in one queue: p50 ${deep.p50.toFixed(1)} ms, p95 ${deep.p95.toFixed(1)} ms`);
    await queue.close();
  }
  await p.close();
}

const builds: number[] = [];
let size = 0;
for (let i = 0; i < 5; i++) {
  const start = performance.now();
  size = (await buildConsole()).js.length;
  builds.push(performance.now() - start);
}
console.log(
  `console bundle (esbuild, minified, Chart.js and the typed client inside): ${(size / 1024).toFixed(0)} KiB, built in ${quantile(builds, 0.5).toFixed(0)} ms (median of 5)`,
);
