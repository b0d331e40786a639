// Cache lookup latency at 100,000 entries in one scope (real Redis at 127.0.0.1:6379).
// Run: pnpm exec tsx bench/inference.bench.ts   (or `pnpm bench inference` from the root)
import { Redis } from 'ioredis';
import { deleteKeys, uniquePrefix } from '@llmops/testing';
import { createSemanticCache } from '../src';

const url = 'redis://127.0.0.1:6379';
const ENTRIES = Number(process.argv[2] ?? 100_000);
const DIMS = 256;
const LOOKUPS = 300;

function randomUnit(seed: number): Float32Array {
  // mulberry32: 32-bit integer arithmetic, so every seed gives its own sequence.
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * 2 - 1;
  };
  const v = Float32Array.from({ length: DIMS }, next);
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

const redis = new Redis(url);
const prefix = uniquePrefix('cache-bench');
const cache = createSemanticCache({ redis, prefix, ttlSeconds: 3_600 });
const scope = cache.scopeOf({ tenant: 'bench', model: 'gpt-4o-mini', parameters: {}, system: '' });
try {
  let started = performance.now();
  const usage = { inputTokens: 20, outputTokens: 40 };
  for (let i = 0; i < ENTRIES; i += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, ENTRIES - i) }, (_, j) =>
        cache.store('bench', scope, { prompt: `question number ${i + j}`, answer: `answer ${i + j}`, vector: randomUnit(i + j), usage, costNanoUsd: 30_000n, origin: 'bench' }),
      ),
    );
  }
  console.log(`stored ${ENTRIES} entries (${DIMS} dims) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  started = performance.now();
  await cache.lookupSimilar('bench', scope, randomUnit(1), 0.99);
  console.log(`first similarity lookup (loads ${ENTRIES} vectors into the process): ${(performance.now() - started).toFixed(0)} ms`);

  const similar: number[] = [];
  const exact: number[] = [];
  let hits = 0;
  for (let n = 0; n < LOOKUPS; n++) {
    const target = (n * 7919) % ENTRIES;
    const query = randomUnit(target).map((x, d) => x + (d % 17 === 0 ? 0.01 : 0));
    let t = performance.now();
    const hit = await cache.lookupSimilar('bench', scope, query, 0.95);
    similar.push(performance.now() - t);
    if (hit?.entry.answer === `answer ${target}`) hits += 1;
    t = performance.now();
    await cache.lookupExact('bench', scope, `question number ${target}`);
    exact.push(performance.now() - t);
  }
  console.log(`similarity lookup at ${ENTRIES} entries: p50 ${percentile(similar, 50).toFixed(2)} ms, p99 ${percentile(similar, 99).toFixed(2)} ms (${hits}/${LOOKUPS} found their entry)`);
  console.log(`exact lookup at ${ENTRIES} entries: p50 ${percentile(exact, 50).toFixed(2)} ms, p99 ${percentile(exact, 99).toFixed(2)} ms`);
  console.log(`process RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB (the index holds ${((ENTRIES * DIMS * 4) / 2 ** 20).toFixed(0)} MB of vectors)`);
} finally {
  await deleteKeys(url, prefix);
  redis.disconnect();
}
