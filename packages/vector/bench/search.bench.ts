// Embedded-store search at 100,000 vectors: index build time, search latency, recall@10 vs exact.
// Run: LANCEDB_LOG=error pnpm exec tsx bench/search.bench.ts   (ROWS=20000 for a quicker run)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VectorPoint } from '../src';
import { LanceDbVectorStore, pointId } from '../src';
import { rng } from '../test/helpers';

const ROWS = Number(process.env.ROWS ?? 100_000);
const DIM = 384;
const CLUSTERS = 1_000;
const TENANTS = 10;
const QUERIES = 200;
const BATCH = 5_000;
const next = rng(42);
const gauss = () => Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next());

function normalize(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n);
  for (let i = 0; i < v.length; i++) v[i]! /= n;
  return v;
}
function noisy(center: Float32Array, sigma: number): Float32Array {
  const v = new Float32Array(DIM);
  for (let i = 0; i < DIM; i++) v[i] = center[i]! + gauss() * sigma;
  return normalize(v);
}
const centers = Array.from({ length: CLUSTERS }, () => normalize(Float32Array.from({ length: DIM }, gauss)));
// 90% clustered (noise 0.03 per dim, ~0.6 norm), 10% pure noise.
const vectors = Array.from({ length: ROWS }, (_, i) =>
  i % 10 === 9 ? normalize(Float32Array.from({ length: DIM }, gauss)) : noisy(centers[Math.floor(next() * CLUSTERS)]!, 0.03),
);
const tenantOf = (i: number) => `tenant-${i % TENANTS}`;

const directory = await mkdtemp(join(tmpdir(), 'vector-bench-'));
const store = new LanceDbVectorStore({ directory });
const name = 'bench';
await store.ensureCollection({ name, dimensions: DIM, distance: 'cosine', meta: { model: 'synthetic-384' } });
const t0 = performance.now();
for (let start = 0; start < ROWS; start += BATCH) {
  const byTenant = new Map<string, VectorPoint[]>();
  for (let i = start; i < Math.min(ROWS, start + BATCH); i++) {
    const tenant = tenantOf(i);
    const list = byTenant.get(tenant) ?? [];
    list.push({
      id: pointId(tenant, name, `doc-${i >> 4}`, i & 15),
      vector: vectors[i]!,
      payload: {
        documentId: `doc-${i >> 4}`,
        chunkIndex: i & 15,
        hash: `h${i}`,
        text: `chunk ${i}`,
        start: 0,
        end: 1,
        metadata: { lang: i % 3 === 0 ? 'de' : 'en', page: i % 50 },
      },
    });
    byTenant.set(tenant, list);
  }
  for (const [tenant, points] of byTenant) await store.forTenant(tenant).upsert(name, points);
  process.stdout.write(`\rupserted ${Math.min(ROWS, start + BATCH)}/${ROWS} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
console.log(`\ningest: ${ROWS} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s via upsert (mergeInsert, ${BATCH}/batch split by tenant)`);

// Queries: near a random stored vector of the query's tenant, so neighbours exist.
const queries = Array.from({ length: QUERIES }, (_, q) => {
  const i = Math.floor(next() * ROWS);
  return { tenant: tenantOf(i), vector: noisy(vectors[i]!, 0.02), q };
});
console.log(`computing exact top-10 for ${QUERIES} queries in JS...`);
function exactTop10(tenant: string, query: Float32Array): string[] {
  const scored: { i: number; s: number }[] = [];
  for (let i = 0; i < ROWS; i++) {
    if (tenantOf(i) !== tenant) continue;
    const v = vectors[i]!;
    let s = 0;
    for (let d = 0; d < DIM; d++) s += v[d]! * query[d]!;
    scored.push({ i, s });
  }
  scored.sort((a, b) => b.s - a.s);
  return scored.slice(0, 10).map(({ i }) => pointId(tenant, name, `doc-${i >> 4}`, i & 15));
}
const truth = queries.map((q) => exactTop10(q.tenant, q.vector));

async function measure(label: string, n: number) {
  const latencies: number[] = [];
  let found = 0;
  for (const q of queries.slice(0, n)) {
    const s = performance.now();
    const hits = await store.forTenant(q.tenant).search(name, { vector: q.vector, topK: 10 });
    latencies.push(performance.now() - s);
    const want = new Set(truth[q.q]);
    found += hits.filter((h) => want.has(h.id)).length;
  }
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(1);
  console.log(`${label}: ${n} queries, p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms, recall@10 ${(found / (n * 10)).toFixed(3)}`);
}

await measure('search before index (exhaustive, tenant prefilter)', 20);
const b0 = performance.now();
const ticker = setInterval(
  () => console.log(`  maintain(): compacting, building scalar + HNSW_SQ indexes... ${((performance.now() - b0) / 1000).toFixed(0)} s`),
  10_000,
);
const report = await store.maintain();
clearInterval(ticker);
console.log(`maintain(): compaction + scalar and HNSW_SQ index build in ${((performance.now() - b0) / 1000).toFixed(1)} s`, JSON.stringify(report.collections));
const o0 = performance.now();
await store.maintain();
console.log(`second maintain() (nothing new to index): ${((performance.now() - o0) / 1000).toFixed(1)} s`);
await measure('search with HNSW_SQ index (efConstruction 150, ef 100)', QUERIES);

// Rows added after the build are searched exhaustively and still found.
const late = noisy(centers[0]!, 0.001);
const lateId = pointId('tenant-0', name, 'late-doc', 0);
await store
  .forTenant('tenant-0')
  .upsert(name, [{ id: lateId, vector: late, payload: { documentId: 'late-doc', chunkIndex: 0, hash: 'x', text: 'late', start: 0, end: 1, metadata: {} } }]);
const lateHits = await store.forTenant('tenant-0').search(name, { vector: late, topK: 1 });
console.log(`row added after the index build found first: ${lateHits[0]?.id === lateId}`);

await store.close();
await rm(directory, { recursive: true, force: true });
console.log(`total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
