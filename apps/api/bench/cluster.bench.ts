// pnpm bench cluster [jobs] [--rounds=N]: the submission path on one Redis and on a Redis Cluster
// (three masters, three replicas), each without and with REDIS_WAIT_REPLICAS=1 (a 202 waits until the
// jobs are on a replica: Redis WAIT). Per job: POST with 64 requests in flight (jobs/s, latency p50
// and p99); bulk: POST /batch of 1,000 jobs, one request at a time (jobs/s). The single Redis gets a
// replica too, so its WAIT is real. Private redis-servers (never 6379); the API runs in its own process
// with its real services, as deployed; no worker (jobs are accepted, not processed).
import { Redis } from 'ioredis';
import { startRedisCluster, startRedisServer, waitFor, type OwnRedis, type OwnRedisCluster } from '@llmops/testing';
import { BENCH_API_KEY, startBenchApi, type BenchApi } from './support/bench-api';

const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const jobs = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 3_000);
const rounds = Number(option('rounds') ?? 2);
const inFlight = 64;
const bulkSize = 1_000;

/** The private servers are stopped at the end, so their keys are left. */
const startApi = (redisUrl: string, waitReplicas: number): Promise<BenchApi> =>
  startBenchApi({ redisUrl, label: 'bench-cluster', env: { REDIS_WAIT_REPLICAS: String(waitReplicas) }, deleteKeysOnClose: false });

const headers = { Authorization: `Bearer ${BENCH_API_KEY}`, 'Content-Type': 'application/json' };
async function post(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  if (response.status !== 202) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
  await response.arrayBuffer();
}

interface Figures {
  perJob: number;
  p50: number;
  p99: number;
  bulk: number;
}

async function measure(api: BenchApi, count: number): Promise<Figures> {
  const route = `${api.url}/v1/bench-noop`;
  const latencies: number[] = [];
  let next = 0;
  let started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) {
        const n = next++;
        const sent = performance.now();
        await post(route, { n });
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const perJob = count / ((performance.now() - started) / 1000);
  started = performance.now();
  for (let offset = 0; offset < count; offset += bulkSize)
    await post(`${route}/batch`, { jobs: Array.from({ length: Math.min(bulkSize, count - offset) }, (_, i) => ({ n: offset + i })) });
  const bulk = count / ((performance.now() - started) / 1000);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { perJob, p50: at(0.5), p99: at(0.99), bulk };
}

/** A single Redis with one replica attached (so WAIT 1 has a replica to wait for). */
async function startReplicated(): Promise<{ url: string; servers: OwnRedis[] }> {
  const args = ['--maxmemory-policy', 'noeviction'];
  const master = await startRedisServer({ args });
  const replica = await startRedisServer({ args: [...args, '--replicaof', '127.0.0.1', String(master.port)] });
  const probe = new Redis(replica.url);
  await waitFor(async () => (await probe.info('replication')).includes('master_link_status:up') || undefined, { what: 'the replica in sync' });
  probe.disconnect();
  return { url: master.url, servers: [master, replica] };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const rows: { target: string; wait: number; figures: Figures[] }[] = [];

console.log(`${jobs} no-op jobs per path, ${rounds} rounds; per job: ${inFlight} requests in flight; bulk: ${bulkSize} jobs per request`);
const single = await startReplicated();
let cluster: OwnRedisCluster | undefined;
try {
  cluster = await startRedisCluster();
  const targets = [
    { name: 'one Redis + replica', url: single.url },
    { name: 'Redis Cluster 3+3', url: cluster.url },
  ];
  for (const target of targets) {
    for (const wait of [0, 1]) {
      const api = await startApi(target.url, wait);
      try {
        await measure(api, 1_000); // warm-up: JIT, connections, scripts
        const figures: Figures[] = [];
        for (let round = 0; round < rounds; round++) figures.push(await measure(api, jobs));
        rows.push({ target: target.name, wait, figures });
        const m = figures.at(-1)!;
        console.log(
          `${target.name}, WAIT ${wait}: per job ${m.perJob.toFixed(0)}/s (p50 ${m.p50.toFixed(1)} ms, p99 ${m.p99.toFixed(1)} ms), bulk ${m.bulk.toFixed(0)}/s`,
        );
      } finally {
        await api.close();
      }
    }
  }
} finally {
  await cluster?.stop();
  for (const server of single.servers) await server.stop();
}

console.log('\n| Redis | WAIT replicas | per job (jobs/s) | p50 ms | p99 ms | bulk (jobs/s) |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) {
  const pick = (key: keyof Figures) => median(row.figures.map((f) => f[key]));
  console.log(
    `| ${row.target} | ${row.wait} | ${pick('perJob').toFixed(0)} | ${pick('p50').toFixed(1)} | ${pick('p99').toFixed(1)} | ${pick('bulk').toFixed(0)} |`,
  );
}
const cost = (target: string, key: keyof Figures) => {
  const off = rows.find((row) => row.target === target && row.wait === 0);
  const on = rows.find((row) => row.target === target && row.wait === 1);
  return off && on ? median(on.figures.map((f) => f[key])) / median(off.figures.map((f) => f[key])) : NaN;
};
for (const target of ['one Redis + replica', 'Redis Cluster 3+3']) {
  console.log(
    `${target}: WAIT 1 keeps ${(cost(target, 'perJob') * 100).toFixed(0)}% of per-job throughput and ${(cost(target, 'bulk') * 100).toFixed(0)}% of bulk; p50 x${cost(target, 'p50').toFixed(2)}`,
  );
}
