// pnpm bench queue: end-to-end jobs/s and submit-to-done latency through the API, beside raw BullMQ
// (addBulk + Worker) on the same Redis in the same run.
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { defineCatalog, defineJob } from '@llmops/contracts';
import { createLogger } from '@llmops/logger';
import { startWorkers, silentLogger } from '@llmops/queue';
import { deleteKeys, uniquePrefix } from '@llmops/testing';
import { loadApiEnv } from '../src/env';
import { startApiServer } from '../src/server';

const redisUrl = 'redis://127.0.0.1:6379';
const jobs = Number(process.argv[2] ?? 5_000);
const concurrency = 50;
const inFlight = 64;

const catalog = defineCatalog({
  'bench-noop': defineJob({
    queue: 'bench-noop',
    description: 'bench-only: does nothing',
    payload: z.strictObject({ n: z.number().int() }),
    result: z.object({ n: z.number() }),
    attempts: 1,
    backoff: { type: 'fixed', delayMs: 0 },
    timeoutMs: 10_000,
  }),
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function latencies(queue: Queue, startedAt: Map<string, number> | undefined): Promise<number[]> {
  const done: Job[] = await queue.getJobs(['completed'], 0, -1);
  return done.map((job) => (job.finishedOn ?? 0) - (startedAt?.get(String(job.id)) ?? job.timestamp)).sort((a, b) => a - b);
}

async function waitCompleted(queue: Queue, total: number): Promise<void> {
  for (;;) {
    const counts = await queue.getJobCounts('completed', 'failed');
    if ((counts.completed ?? 0) + (counts.failed ?? 0) >= total) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function rawBullmq(count = jobs) {
  const prefix = uniquePrefix('bench-raw');
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('raw', { connection, prefix });
  const worker = new Worker('raw', async (job) => job.data, { connection, prefix, concurrency });
  await worker.waitUntilReady();
  const started = performance.now();
  for (let offset = 0; offset < count; offset += 1_000) {
    await queue.addBulk(Array.from({ length: Math.min(1_000, count - offset) }, (_, i) => ({ name: 'raw', data: { n: offset + i } })));
  }
  await waitCompleted(queue, count);
  const seconds = (performance.now() - started) / 1000;
  const sorted = await latencies(queue, undefined);
  await worker.close();
  await queue.close();
  connection.disconnect();
  await deleteKeys(redisUrl, prefix);
  return { jobsPerSecond: count / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

async function throughApi(path: 'single' | 'bulk') {
  const prefix = uniquePrefix('bench-api');
  const api = await startApiServer({
    env: loadApiEnv({ PORT: '0', HOST: '127.0.0.1', API_KEYS: 'bench:bench-key-0123456789', QUEUE_PREFIX: prefix, LOG_LEVEL: 'silent' }),
    catalog,
    submissions: [{ path: '/v1/bench-noop', job: 'bench-noop', summary: 'bench', body: z.strictObject({ n: z.number().int() }) }],
    logger: createLogger({ name: 'bench', level: 'silent' }),
  });
  const runtime = await startWorkers({
    catalog,
    handlers: { 'bench-noop': async ({ payload }) => ({ n: payload.n }) },
    redisUrl,
    prefix,
    workerId: 'bench',
    logger: silentLogger,
    retentionSeconds: 3600,
    concurrency,
  });
  const connection = new Redis(redisUrl);
  const queue = new Queue('bench-noop', { connection, prefix });
  const startedAt = new Map<string, number>();
  const headers = { Authorization: 'Bearer bench-key-0123456789', 'Content-Type': 'application/json' };
  const started = performance.now();
  if (path === 'single') {
    let next = 0;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < jobs) {
          const n = next++;
          const at = Date.now();
          const response = await fetch(`${api.url}/v1/bench-noop`, { method: 'POST', headers, body: JSON.stringify({ n }) });
          const { id } = (await response.json()) as { id: string };
          startedAt.set(id, at);
        }
      }),
    );
  } else {
    for (let offset = 0; offset < jobs; offset += 500) {
      const at = Date.now();
      const body = { jobs: Array.from({ length: Math.min(500, jobs - offset) }, (_, i) => ({ n: offset + i })) };
      const response = await fetch(`${api.url}/v1/bench-noop/batch`, { method: 'POST', headers, body: JSON.stringify(body) });
      const { jobs: accepted } = (await response.json()) as { jobs: { id: string }[] };
      for (const job of accepted) startedAt.set(job.id, at);
    }
  }
  await waitCompleted(queue, jobs);
  const seconds = (performance.now() - started) / 1000;
  const sorted = await latencies(queue, startedAt);
  await runtime.close();
  await queue.close();
  connection.disconnect();
  await api.close();
  await deleteKeys(redisUrl, prefix);
  return { jobsPerSecond: jobs / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

console.log(`${jobs} no-op jobs, worker concurrency ${concurrency}, one process, Redis ${redisUrl}`);
await rawBullmq(1_000); // warm-up: JIT and connections, so the first measured path is not penalised
const raw = await rawBullmq();
const single = await throughApi('single');
const bulk = process.argv.includes('--no-bulk') ? undefined : await throughApi('bulk').catch(() => undefined);
const row = (name: string, r: { jobsPerSecond: number; p50: number; p99: number }) =>
  `${name.padEnd(38)} ${r.jobsPerSecond.toFixed(0).padStart(8)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${(r.jobsPerSecond / raw.jobsPerSecond).toFixed(2).padStart(7)}`;
console.log(`${'path'.padEnd(38)} ${'jobs/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'x raw'.padStart(7)}`);
console.log(row('raw BullMQ (addBulk 1000 + Worker)', raw));
console.log(row(`API POST per job (${inFlight} in flight)`, single));
if (bulk) console.log(row('API POST .../batch (500 per request)', bulk));
process.exit(0);
