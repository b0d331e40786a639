// A worker-like process: opens the store and the cache like a worker does, runs lookups through the
// cache and the same raw store query side by side, and prints latencies and its memory as JSON.
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { eq, LanceDbVectorStore, type TenantVectorStore, type VectorStore } from '@llmops/vector';
import { cacheCollectionName, createSemanticCache, DEFAULT_CACHE_EMBEDDING } from '../../src';
import { entryIdOf, isOther, probeOf, TENANT } from './data';

/** Resident memory: anonymous (heap, native buffers) and file-backed (mapped files the OS can drop). */
const memory = () => {
  const status = readFileSync('/proc/self/status', 'utf8');
  const mb = (field: string) => Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024);
  return { rssMb: mb('VmRSS'), anonMb: mb('RssAnon'), fileMb: mb('RssFile'), peakMb: mb('VmHWM') };
};
const before = memory();
const { REDIS_URL, DIR, PREFIX, SCOPE, SIZE, QUERIES } = process.env as Record<string, string>;
const size = Number(SIZE);
const redis = new Redis(REDIS_URL!);
const vectors = new LanceDbVectorStore({ directory: DIR! });
// The cache's own store searches are timed too, to split a lookup into search and the rest.
const cacheSearchMs: number[] = [];
const timed: VectorStore = {
  kind: vectors.kind,
  ensureCollection: (spec) => vectors.ensureCollection(spec),
  describeCollection: (name) => vectors.describeCollection(name),
  listCollections: () => vectors.listCollections(),
  dropCollection: (name) => vectors.dropCollection(name),
  maintain: (options) => vectors.maintain(options),
  close: () => vectors.close(),
  forTenant: (tenant: string) => {
    const inner = vectors.forTenant(tenant);
    return {
      ...inner,
      search: async (...args: Parameters<TenantVectorStore['search']>) => {
        const started = performance.now();
        try {
          return await inner.search(...args);
        } finally {
          cacheSearchMs.push(performance.now() - started);
        }
      },
    };
  },
};
const cache = createSemanticCache({ redis, prefix: PREFIX!, vectors: timed });
const collection = cacheCollectionName(DEFAULT_CACHE_EMBEDDING);
const store = vectors.forTenant(TENANT);

// Probes near entries of the measured scope, spread over the whole range.
const targets: number[] = [];
for (let k = 0; targets.length < Number(QUERIES) + 50; k++) {
  const i = Math.floor((((k * 7_919) % 1_000_003) / 1_000_003) * size);
  if (!isOther(i)) targets.push(i);
}
const raw = async (i: number) => store.search(collection, { vector: probeOf(i), topK: 5, filter: eq('metadata.scope', SCOPE!), exactScores: true });
const viaCache = async (i: number) => cache.lookupSimilar(TENANT, SCOPE!, probeOf(i), { threshold: 0.9, prompt: `prompt ${i}` });

for (const i of targets.slice(0, 50)) {
  // Warm-up: open the table, load what the index needs.
  await viaCache(i);
  await raw(i);
}
cacheSearchMs.length = 0;
const rawMs: number[] = [];
const cacheMs: number[] = [];
let rawFound = 0;
let cacheFound = 0;
for (const [k, i] of targets.slice(50).entries()) {
  // Alternate which goes first, so neither always meets a warmer page cache.
  for (const which of k % 2 === 0 ? ['raw', 'cache'] : ['cache', 'raw']) {
    const started = performance.now();
    if (which === 'raw') {
      const hits = await raw(i);
      rawMs.push(performance.now() - started);
      if (hits[0]?.payload.documentId === entryIdOf(i)) rawFound += 1;
    } else {
      const { hit } = await viaCache(i);
      cacheMs.push(performance.now() - started);
      if (hit?.entryId === entryIdOf(i)) cacheFound += 1;
    }
  }
}
const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;
process.stdout.write(
  `${JSON.stringify({
    queries: rawMs.length,
    raw: { p50: pct(rawMs, 50), p99: pct(rawMs, 99), found: rawFound },
    cache: { p50: pct(cacheMs, 50), p99: pct(cacheMs, 99), found: cacheFound, searchP50: pct(cacheSearchMs, 50) },
    memoryBefore: before,
    memoryAfter: memory(),
  })}\n`,
);
await vectors.close();
redis.disconnect();
