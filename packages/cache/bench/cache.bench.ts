// Semantic-cache lookups at 100,000 and 1,000,000 entries in the embedded store (LanceDB, the cache's IVF_PQ collection), beside the
// raw store query the cache makes, on the same data in the same run; a worker-like process's memory at
// both sizes. The data is built once into a temp dir (bulk append + index build, timed) and grown
// from the first size to the second. A private redis-server holds the entries.
// Run: `pnpm bench cache` (SIZES=20000,50000 QUERIES=200 for a quick look).
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { startRedisServer } from '@llmops/testing';
import { LanceDbVectorStore, type VectorPoint } from '@llmops/vector';
import { cacheCollectionName, cacheKeys, createSemanticCache, DEFAULT_CACHE_EMBEDDING, type CacheEntry } from '../src';
import { entryIdOf, isOther, pointIdOf, TENANT, vectorOf } from './support/data';

process.env.LANCEDB_LOG ??= 'error';
const SIZES = (process.env.SIZES ?? '100000,1000000').split(',').map(Number);
const QUERIES = Number(process.env.QUERIES ?? 400);
const BATCH = 50_000;
const PREFIX = 'bench';

const server = await startRedisServer();
const directory = await mkdtemp(join(tmpdir(), 'cache-bench-'));
const redis = new Redis(server.url);
const store = new LanceDbVectorStore({ directory });
const cache = createSemanticCache({ redis, prefix: PREFIX, vectors: store });
const keys = cacheKeys(PREFIX);
const collection = cacheCollectionName(DEFAULT_CACHE_EMBEDDING);
const scopeOf = (tenant: string, system: string) => cache.scopeOf({ tenant, model: 'gpt-4o-mini', parameters: { temperature: 0 }, system });
const SCOPE = scopeOf(TENANT, 'bench');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

/** Entries [from, to): Redis entries and vector points written in bulk (the cache's own write path is one commit per group). */
async function load(from: number, to: number): Promise<void> {
  for (let start = from; start < to; start += BATCH) {
    const byTenant = new Map<string, VectorPoint[]>();
    const pipeline = redis.pipeline();
    for (let i = start; i < Math.min(to, start + BATCH); i++) {
      const tenant = isOther(i) ? `other-${i % 7}` : TENANT;
      const scope = isOther(i) ? scopeOf(tenant, `other-${i % 13}`) : SCOPE;
      const entry: CacheEntry = {
        tenant,
        scope,
        version: 'v1',
        prompt: `prompt ${i}`,
        answer: `answer ${i}`,
        sources: [],
        usage: { inputTokens: 12, outputTokens: 40 },
        costNanoUsd: '27000',
        createdAt: '2026-11-28T00:00:00.000Z',
        origin: `bench:${i}`,
        semantic: true,
      };
      pipeline.set(keys.entry(scope, entryIdOf(i)), JSON.stringify(entry));
      const points = byTenant.get(tenant) ?? [];
      points.push({
        id: pointIdOf(i),
        vector: vectorOf(i),
        payload: { documentId: entryIdOf(i), chunkIndex: 0, hash: 'v1', text: '', start: 0, end: 0, metadata: { scope } },
      });
      byTenant.set(tenant, points);
    }
    await pipeline.exec();
    for (const [tenant, points] of byTenant) await store.appendNew(tenant, collection, points);
  }
}

/** Runs the lookups in a separate worker-like process and returns what it measured. */
function measure(size: number): Promise<{ queries: number; raw: Stat; cache: Stat; memoryBefore: Memory; memoryAfter: Memory }> {
  const child = fork(fileURLToPath(new URL('./support/lookup-worker.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, REDIS_URL: server.url, DIR: directory, PREFIX, SCOPE, SIZE: String(size), QUERIES: String(QUERIES) },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`lookup worker exited ${code}: ${out}`)),
    ),
  );
}
type Stat = { p50: number; p99: number; found: number };
type Memory = { rssMb: number; anonMb: number; fileMb: number; peakMb: number };

try {
  // The first entry goes through the cache's own store path, which also creates the collection.
  await cache.store(TENANT, SCOPE, {
    prompt: 'first entry',
    answer: 'first',
    vector: vectorOf(0),
    usage: { inputTokens: 1, outputTokens: 1 },
    costNanoUsd: 0n,
    origin: 'bench:first',
  });
  const rows: string[] = [];
  let loaded = 0;
  let indexType = 'no index';
  for (const size of SIZES) {
    let started = performance.now();
    await load(loaded, size);
    const loadMs = performance.now() - started;
    loaded = size;
    log(`appended entries up to ${size.toLocaleString('en')} in ${seconds(loadMs)}; maintain() (compaction, scalar indexes, ANN index) ...`);
    started = performance.now();
    const ticker = setInterval(() => log('  ... still building the index'), 60_000);
    const report = await store.maintain({ collections: [collection] });
    clearInterval(ticker);
    const indexMs = performance.now() - started;
    log(`maintain(): ${seconds(indexMs)} ${JSON.stringify(report.collections[0])}`);
    indexType = report.collections[0]?.vectorIndex?.type ?? indexType;
    const m = await measure(size);
    const overhead = (m.cache.p50 / m.raw.p50 - 1) * 100;
    rows.push(
      `| ${size.toLocaleString('en')} | ${seconds(loadMs)} + ${seconds(indexMs)} | ${m.raw.p50.toFixed(1)} / ${m.raw.p99.toFixed(1)} | ${m.cache.p50.toFixed(1)} / ${m.cache.p99.toFixed(1)} | ${overhead >= 0 ? '+' : ''}${overhead.toFixed(1)}% | ${m.raw.found}/${m.queries}, ${m.cache.found}/${m.queries} | ${m.memoryBefore.rssMb} -> ${m.memoryAfter.rssMb} MB (anon ${m.memoryAfter.anonMb}, peak ${m.memoryAfter.peakMb}) |`,
    );
    log(`measured at ${size.toLocaleString('en')}: ${JSON.stringify(m)}`);
  }
  console.log(
    `\nentries | append + index build | raw store query p50 / p99 ms | cache lookup p50 / p99 ms | cache vs raw (p50) | nearest found (raw, cache) | worker RSS (start -> after lookups)`,
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  console.log(
    `(${QUERIES} lookups per size, filtered to one tenant and scope holding 90% of the entries; 256 dims; LanceDB ${indexType}, exactScores; load average ${(
      await import('node:os')
    )
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')})`,
  );
} finally {
  await store.close();
  redis.disconnect();
  await server.stop();
  await rm(directory, { recursive: true, force: true });
}
