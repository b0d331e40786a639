// A 10,000-item inference job through the whole platform (API, real worker process, simulator),
// and the semantic cache's wrong-hit rate on packages/cache/corpus/pairs.jsonl.
// Run: pnpm exec tsx bench/inference.bench.ts [items]   (or `pnpm bench inference` from the root)
import { readFileSync } from 'node:fs';
import { createSemanticCache } from '@llmops/cache';
import { deleteKeys, uniquePrefix, waitFor } from '@llmops/testing';
import { Redis } from 'ioredis';
import { auth, json, keys, redisUrl, startPlatform } from '../test/fixtures/platform-harness';

const ITEMS = Number(process.argv[2] ?? 10_000);
const WORKER_HEAP_MB = 160;
const LATENCY_MS = 50;
/** Items in flight per job in the worker (packages/inference/src/job/run.ts ITEM_CONCURRENCY). */
const ITEM_CONCURRENCY = 16;
const THRESHOLD = 0.95;

await wrongHits();
await bigJob();

/** Wrong hits on labelled pairs: store `a`, look up `b` through the real cache with simulator embeddings. */
async function wrongHits() {
  const harness = await startPlatform('inference-corpus');
  const redis = new Redis(redisUrl);
  const prefix = uniquePrefix('corpus');
  const cache = createSemanticCache({ redis, prefix, vectors: harness.services.vectors });
  try {
    const pairs = readFileSync(new URL('../../../packages/cache/corpus/pairs.jsonl', import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { a: string; b: string; same: boolean; kind: string });
    const texts = pairs.flatMap((p) => [p.a, p.b]);
    const { vectors } = await harness.services.llm.embed(texts, { model: 'text-embedding-3-small', dimensions: 256, tenant: 'bench', jobType: 'bench' });
    for (const threshold of [0.85, 0.9, 0.92, THRESHOLD]) {
      let right = 0;
      let wrong = 0;
      const wrongKinds = new Map<string, number>();
      for (const [i, pair] of pairs.entries()) {
        const scope = cache.scopeOf({ tenant: 'bench', model: 'm', parameters: { t: threshold }, system: String(i) });
        await cache.store('bench', scope, {
          prompt: pair.a,
          answer: 'x',
          vector: vectors[2 * i]!,
          usage: { inputTokens: 1, outputTokens: 1 },
          costNanoUsd: 0n,
          origin: 'corpus',
        });
        const hit =
          (await cache.lookupExact('bench', scope, pair.b)) ??
          (await cache.lookupSimilar('bench', scope, vectors[2 * i + 1]!, { threshold, prompt: pair.b })).hit;
        if (hit && pair.same) right += 1;
        if (hit && !pair.same) {
          wrong += 1;
          wrongKinds.set(pair.kind, (wrongKinds.get(pair.kind) ?? 0) + 1);
        }
      }
      const same = pairs.filter((p) => p.same).length;
      console.log(
        `pairs.jsonl (${pairs.length} pairs) at threshold ${threshold}: same-meaning pairs hit ${right}/${same} (${((100 * right) / same).toFixed(0)}%), ` +
          `wrong hits ${wrong}/${pairs.length - same} different-meaning pairs (${((100 * wrong) / (pairs.length - same)).toFixed(1)}%) ${JSON.stringify(Object.fromEntries(wrongKinds))}`,
      );
    }
  } finally {
    await deleteKeys(redisUrl, prefix);
    redis.disconnect();
    await harness.close();
  }
}

/** 10,000 items, 30% of them repeats or light rephrasings of earlier ones, at a fixed simulator latency. */
async function bigJob() {
  const harness = await startPlatform('inference-bench', { simulator: { latencyMs: LATENCY_MS, logBodies: false } });
  try {
    // The worker's JS heap is capped: finishing 10,000 items under the cap shows memory is bounded by
    // design (items stream from Redis), not by luck of the garbage collector.
    const worker = await harness.startWorker({ LOG_LEVEL: 'warn', NODE_OPTIONS: `--max-old-space-size=${WORKER_HEAP_MB}` });
    const uniqueCount = Math.round(ITEMS * 0.7);
    const subjects = ['invoice', 'contract', 'meeting notes', 'incident', 'support ticket', 'release plan', 'audit finding'];
    const prompt = (i: number) => `Write two sentences on ${subjects[i % subjects.length]} ${i} for customer account ${i * 7 + 3}`;
    const items = Array.from({ length: ITEMS }, (_, i) => {
      if (i < uniqueCount) return { id: `i${i}`, messages: [{ role: 'user', content: prompt(i) }] };
      const base = prompt((i - uniqueCount) * 2);
      return { id: `i${i}`, messages: [{ role: 'user', content: i % 2 ? base : `${base}, please.` }] };
    });
    const peakRss = () => {
      const status = readFileSync(`/proc/${worker.pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    };
    let started = performance.now();
    const response = await fetch(`${harness.api.url}/v1/inference`, {
      method: 'POST',
      headers: json(keys.alice),
      body: JSON.stringify({ model: 'gpt-4o-mini', parameters: { temperature: 0, max_tokens: 60 }, items, cache: { mode: 'semantic', threshold: THRESHOLD } }),
    });
    const { id } = (await response.json()) as { id: string };
    console.log(
      `submitted ${ITEMS} items (pseudonymized and stored apart by the API) in ${((performance.now() - started) / 1000).toFixed(1)} s: ${response.status}`,
    );
    started = performance.now();
    const view = await waitFor(
      async () => {
        const job = (await (await fetch(`${harness.api.url}/v1/jobs/${id}`, { headers: auth(keys.alice) })).json()) as {
          state: string;
          result: Record<string, number | string>;
        };
        if (job.state === 'failed') throw new Error(JSON.stringify(job));
        return job.state === 'completed' ? job : undefined;
      },
      { what: 'the 10,000-item job', timeoutMs: 600_000, intervalMs: 500 },
    );
    const seconds = (performance.now() - started) / 1000;
    let pages = 0;
    let read = 0;
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=1000&cursor=${cursor}` : '?limit=1000';
      const page = (await (await fetch(`${harness.api.url}/v1/inference/${id}/results${query}`, { headers: auth(keys.alice) })).json()) as {
        items: { status: string }[];
        nextCursor: string | null;
      };
      read += page.items.filter((item) => item.status === 'answered').length;
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    const r = view.result;
    const ceiling = (ITEM_CONCURRENCY * 1000) / LATENCY_MS;
    console.log(
      `job: ${ITEMS} items in ${seconds.toFixed(1)} s = ${(ITEMS / seconds).toFixed(0)} items/s (simulator latency ${LATENCY_MS} ms; ${ITEM_CONCURRENCY} in flight allow at most ${ceiling.toFixed(0)} provider calls/s)`,
    );
    console.log(`answered ${r.answered}/${ITEMS}, failed ${r.failed}; results read back in ${pages} pages of 1,000: ${read} answered`);
    console.log(
      `cache: ${r.cacheHits} hits (${((100 * Number(r.cacheHits)) / ITEMS).toFixed(1)}% of items; 30% were repeats), provider chat calls ${r.providerCalls} (${((100 * Number(r.providerCalls)) / ITEMS).toFixed(1)}% of items)`,
    );
    console.log(
      `provider tokens: used ${Number(r.inputTokens) + Number(r.outputTokens)}, saved by the cache ${r.savedTokens}; dollars ${r.costUsd}, saved ${r.savedUsd}`,
    );
    console.log(`worker peak RSS (VmHWM) ${peakRss().toFixed(0)} MB, with its JS heap capped at ${WORKER_HEAP_MB} MB (--max-old-space-size)`);
  } finally {
    await harness.close();
  }
}
