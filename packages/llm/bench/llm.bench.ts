/**
 * Limiter overhead and achieved throughput.
 *   pnpm exec tsx bench/llm.bench.ts
 * 1. reserve + reconcile against local Redis, sequential and 8 in parallel: p50/p99 per call.
 * 2. chat through createLlmClient against the in-process simulator with a TPM limit on a 10 s
 *    window and demand well above it: tokens the simulator saw vs the limit.
 */
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { startSimulator } from '@llmops/llm-simulator';
import { createLlmClient, createRateLimiter } from '../src/index';

const redis = new Redis('redis://127.0.0.1:6379');
const prefix = `bench:llm:${process.pid}`;

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function overhead(parallel: number, calls: number) {
  const limiter = createRateLimiter(redis, { keyPrefix: prefix });
  const limits = { rpm: 1e9, tpm: 1e12 };
  const times: number[] = [];
  let next = 0;
  const worker = async (w: number) => {
    while (next++ < calls) {
      const t = performance.now();
      const reservation = await limiter.acquire('bench:model', limits, `tenant-${w % 4}`, 500);
      await limiter.reconcile(reservation, 320);
      times.push(performance.now() - t);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: parallel }, (_, w) => worker(w)));
  const wall = performance.now() - t0;
  times.sort((a, b) => a - b);
  console.log(
    `limiter reserve+reconcile, ${parallel} in parallel, ${calls} calls: p50 ${pct(times, 50).toFixed(3)} ms, ` +
      `p99 ${pct(times, 99).toFixed(3)} ms, ${Math.round((calls / wall) * 1000)} pairs/s`,
  );
}

async function throughput() {
  const windowMs = 10_000;
  const tpm = 6_000;
  const sim = await startSimulator({ latencyMs: { p50: 30, p99: 150 }, logBodies: false });
  const client = createLlmClient({
    redis,
    providers: { providers: [{ name: 'sim', baseURL: sim.baseURL, limits: { 'gpt-4o-mini': { tpm } } }] },
    limiter: { keyPrefix: `${prefix}:tp`, windowMs },
    ledger: false,
  });
  const since = sim.log.latestId;
  const runMs = 2 * windowMs + 1_000;
  const deadline = Date.now() + runMs;
  await Promise.all(
    Array.from({ length: 12 }, async (_, loop) => {
      for (let i = 0; Date.now() < deadline; i++) {
        await client.chat(
          { model: 'gpt-4o-mini', messages: [{ role: 'user', content: `loop ${loop} question ${i}: name three rivers` }], max_tokens: 50 },
          { tenant: `tenant-${loop % 3}`, jobType: 'bench' },
        );
      }
    }),
  );
  const entries = sim.log
    .list(since)
    .filter((e) => e.status === 200)
    .map((e) => ({ t: Date.parse(e.time), tokens: e.promptTokens + e.completionTokens }));
  const t0 = Math.min(...entries.map((e) => e.t));
  const inWindow = (k: number) => entries.filter((e) => e.t >= t0 + k * windowMs && e.t < t0 + (k + 1) * windowMs).reduce((n, e) => n + e.tokens, 0);
  let worst = 0;
  for (const a of entries)
    worst = Math.max(
      worst,
      entries.filter((e) => e.t >= a.t && e.t < a.t + windowMs).reduce((n, e) => n + e.tokens, 0),
    );
  console.log(
    `throughput (window ${windowMs / 1000} s, limit ${tpm} tokens/window, 12 loops): window 1 ${inWindow(0)} (${((100 * inWindow(0)) / tpm).toFixed(1)}%), ` +
      `window 2 ${inWindow(1)} (${((100 * inWindow(1)) / tpm).toFixed(1)}%), busiest sliding window ${worst} (${((100 * worst) / tpm).toFixed(1)}%), ${entries.length} calls`,
  );
  await client.close();
  await sim.close();
}

async function cleanup() {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}

try {
  await overhead(1, 3_000);
  await overhead(8, 6_000);
  await throughput();
} finally {
  await cleanup();
  redis.disconnect();
}
