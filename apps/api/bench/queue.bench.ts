// pnpm bench queue [jobs] [--rounds=N] [--paths=a,b] [--profile]: submission
// throughput of the API beside raw BullMQ on the same Redis, measured side by side in one run.
//   bulk:    POST <route>/batch, 1,000 bodies per request, one request at a time
//            vs raw Queue.addBulk of 1,000 jobs, one call at a time;
//   per job: POST <route> with 64 requests in flight (also with an Idempotency-Key)
//            vs raw Queue.add with 64 calls in flight.
// Context rows: raw addBulk with BullMQ priorities (fair scheduling gives every job one), and GET
// /healthz through the same app (what HTTP alone costs: a ceiling for any per-job route).
// The API runs in its own process with its real services (rate guard, admission, fair scheduling),
// as deployed; the HTTP client and the raw producer run in this process. No worker runs: this is the
// submission path alone (jobs are accepted, not processed). Redis CPU per job comes from INFO cpu
// (the Redis is shared: other clients' work shows up too). `--profile` writes the API's CPU profile
// (node --cpu-prof) to $TMPDIR/llmops-bench-profiles/.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { deleteKeys, uniquePrefix } from '@llmops/testing';
import { BENCH_API_KEY, startBenchApi, type BenchApi } from './support/bench-api';

const redisUrl = 'redis://127.0.0.1:6379';
const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const jobs = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 5_000);
const rounds = Number(option('rounds') ?? 3);
const profile = process.argv.includes('--profile');
// Measured in this order each round, so each API path runs right after its raw counterpart.
const paths = ['addBulk', 'bulk', 'addBulk+priority', 'add', 'single', 'single+key', 'healthz'] as const;
type Path = (typeof paths)[number];
/** `--paths=single,bulk`: only these paths (e.g. to profile one); default all. */
const wanted = new Set<Path>((option('paths')?.split(',') as Path[] | undefined) ?? paths);
const inFlight = 64;
const bulkSize = 1_000;
const profileDir = join(tmpdir(), 'llmops-bench-profiles');

interface Result {
  jobsPerSecond: number;
  /** Redis CPU (user + system) per job while the path ran, µs. */
  redisUsPerJob: number;
}

const infoClient = new Redis(redisUrl);
async function redisCpuMs(): Promise<number> {
  const text = await infoClient.info('cpu');
  const read = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(text)?.[1] ?? 0);
  return (read('used_cpu_user') + read('used_cpu_sys')) * 1000;
}

/** Times `count` jobs of work and the Redis CPU it took. */
async function measured(count: number, work: () => Promise<void>): Promise<Result> {
  const cpu = await redisCpuMs();
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  return { jobsPerSecond: count / seconds, redisUsPerJob: ((await redisCpuMs()) - cpu) * (1000 / count) };
}

/** `count` calls of `one` with `concurrency` in flight. */
function pool(count: number, concurrency: number, one: (n: number) => Promise<void>): Promise<Result> {
  let next = 0;
  return measured(count, async () => {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) await one(next++);
      }),
    );
  });
}

/** `count` jobs in calls of `bulkSize`, one call at a time. */
function inChunks(count: number, one: (offset: number, size: number) => Promise<void>): Promise<Result> {
  return measured(count, async () => {
    for (let offset = 0; offset < count; offset += bulkSize) await one(offset, Math.min(bulkSize, count - offset));
  });
}

/** Raw BullMQ with the options the platform's queues use (attempts, backoff, retention). */
async function raw(kind: 'add' | 'addBulk' | 'addBulk+priority', count = jobs): Promise<Result> {
  const prefix = uniquePrefix('bench-raw');
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('raw', {
    connection,
    prefix,
    defaultJobOptions: { attempts: 1, backoff: { type: 'fixed', delay: 0 }, removeOnComplete: { age: 604_800 }, removeOnFail: { age: 604_800 } },
  });
  await queue.waitUntilReady();
  try {
    // Same envelope shape the API stores: tenant, request hash, time, payload.
    const data = (n: number) => ({ tenant: 'bench', requestHash: 'x'.repeat(64), submittedAt: new Date().toISOString(), payload: { n } });
    if (kind === 'add') return await pool(count, inFlight, async (n) => void (await queue.add('raw', data(n))));
    // Fair scheduling's priorities: consecutive tags, 16 per priority.
    const opts = (n: number) => (kind === 'addBulk+priority' ? { priority: 1 + Math.floor(n / 16) } : {});
    return await inChunks(
      count,
      async (offset, size) =>
        void (await queue.addBulk(Array.from({ length: size }, (_, i) => ({ name: 'raw', data: data(offset + i), opts: opts(offset + i) })))),
    );
  } finally {
    await queue.close();
    connection.disconnect();
    await deleteKeys(redisUrl, prefix);
  }
}

function startApi(): Promise<BenchApi> {
  if (profile) mkdirSync(profileDir, { recursive: true });
  return startBenchApi({ redisUrl, label: 'bench-api', ...(profile ? { cpuProfileDir: profileDir } : {}) });
}

const headers = { Authorization: `Bearer ${BENCH_API_KEY}`, 'Content-Type': 'application/json' };
// The lightest client Node has (node:http, kept-alive connections, one per request in flight): the
// client shares the 2 cores with the API and Redis, and fetch() costs it ~3x the CPU per request.
const agent = new Agent({ keepAlive: true, maxSockets: inFlight });

function send(url: string, method: 'GET' | 'POST', extra: Record<string, string> = {}, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, agent, headers: body === undefined ? extra : { ...headers, ...extra, 'Content-Length': String(Buffer.byteLength(body)) } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function post(url: string, body: unknown, extra: Record<string, string> = {}): Promise<void> {
  const response = await send(url, 'POST', extra, JSON.stringify(body));
  if (response.status !== 202) throw new Error(`POST ${url}: ${response.status} ${response.text}`);
}

async function throughApi(api: BenchApi, kind: 'single' | 'single+key' | 'bulk' | 'healthz', count = jobs): Promise<Result> {
  const route = `${api.url}/v1/bench-noop`;
  const run = randomBytes(4).toString('hex');
  if (kind === 'bulk') return inChunks(count, (offset, size) => post(`${route}/batch`, { jobs: Array.from({ length: size }, (_, i) => ({ n: offset + i })) }));
  if (kind === 'healthz') {
    return pool(count, inFlight, async () => {
      const response = await send(`${api.url}/healthz`, 'GET');
      if (response.status !== 200) throw new Error(`GET /healthz: ${response.status}`);
    });
  }
  return pool(count, inFlight, (n) => post(route, { n }, kind === 'single+key' ? { 'Idempotency-Key': `${run}-${n}` } : {}));
}

const run = (api: BenchApi, path: Path): Promise<Result> =>
  path === 'add' || path === 'addBulk' || path === 'addBulk+priority' ? raw(path) : throughApi(api, path);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

console.log(`${jobs} no-op jobs per path and round, ${rounds} rounds; Redis ${redisUrl}; API in its own process with limits on; no workers`);
const api = await startApi();
const figures = new Map<Path, Result[]>();
try {
  // Warm-up of the measured paths only (a profile then shows them alone): JIT, connections, scripts.
  if (wanted.has('add')) await raw('add', 2_000);
  if (wanted.has('single') || wanted.has('single+key')) await throughApi(api, 'single', 2_000);
  if (wanted.has('bulk')) await throughApi(api, 'bulk', 2_000);
  for (let round = 1; round <= rounds; round++) {
    const row: string[] = [];
    for (const path of paths.filter((name) => wanted.has(name))) {
      const result = await run(api, path);
      figures.set(path, [...(figures.get(path) ?? []), result]);
      row.push(`${path} ${result.jobsPerSecond.toFixed(0)}/s`);
    }
    console.log(`round ${round}: ${row.join(', ')}`);
  }
} finally {
  agent.destroy();
  await api.close();
  infoClient.disconnect();
}

const m = (path: Path) => {
  const results = figures.get(path) ?? [];
  return results.length
    ? { jobsPerSecond: median(results.map((r) => r.jobsPerSecond)), redisUsPerJob: median(results.map((r) => r.redisUsPerJob)) }
    : undefined;
};
/** Side by side: the ratio within each round (measured back to back), then the median of those. */
const ratio = (path: Path, base: Path) => {
  const a = figures.get(path) ?? [];
  const b = figures.get(base) ?? [];
  return a.length && a.length === b.length ? median(a.map((r, i) => r.jobsPerSecond / b[i]!.jobsPerSecond)) : undefined;
};
const row = (name: string, path: Path, base?: Path, goal?: number) => {
  const value = m(path);
  if (!value) return;
  const x = base ? ratio(path, base) : undefined;
  console.log(
    `${name.padEnd(58)} ${value.jobsPerSecond.toFixed(0).padStart(8)} ${(x === undefined ? '' : x.toFixed(2)).padStart(6)} ${(goal ? `>= ${goal}` : '').padStart(7)} ${value.redisUsPerJob.toFixed(0).padStart(13)}`,
  );
};
console.log(
  `\n${`median of ${rounds} rounds (x raw: median of per-round ratios)`.padEnd(58)} ${'jobs/s'.padStart(8)} ${'x raw'.padStart(6)} ${'goal'.padStart(7)} ${'Redis µs/job'.padStart(13)}`,
);
row('raw BullMQ Queue.addBulk (1,000 per call)', 'addBulk');
row('  raw, with a BullMQ priority per job (as fair scheduling)', 'addBulk+priority', 'addBulk');
row('API POST /v1/bench-noop/batch (1,000 per request)', 'bulk', 'addBulk', 0.8);
row(`raw BullMQ Queue.add (${inFlight} in flight)`, 'add');
row(`API POST /v1/bench-noop (${inFlight} in flight)`, 'single', 'add', 0.5);
row('  same, each with an Idempotency-Key', 'single+key', 'add', 0.5);
row(`API GET /healthz (${inFlight} in flight, requests/s)`, 'healthz', 'add');
if (m('healthz')) console.log('(GET /healthz runs no auth, body, limits or Redis: the HTTP stack alone, a ceiling for any per-job POST here)');
if (profile) console.log(`API CPU profile written to ${profileDir} (open in Chrome DevTools or speedscope)`);
process.exit(0);
