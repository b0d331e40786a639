// `pnpm bench fairness`: tenant B submits 3,000 trivial jobs, then tenant A submits one; one BullMQ
// worker (concurrency 4, the platform's default) runs them. 20 trials with fair priorities and 20
// without (BullMQ's FIFO); prints A's wait (submission to start) and the jobs that started before it.
import { deleteKeys, uniquePrefix } from '@llmops/testing';
import { runTrial, type TrialResult } from '../test/fixtures/fairness-trial';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const TRIALS = 20;
const BULK = 3_000;
const CONCURRENCY = 4;
const K = 16;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function trials(fairness: boolean): Promise<TrialResult[]> {
  const results: TrialResult[] = [];
  for (let i = 0; i < TRIALS; i++) {
    const prefix = uniquePrefix(`bench-fair-${fairness ? 'on' : 'off'}`);
    try {
      // A arrives while the queue is busy with B's bulk (300 of B's jobs already started).
      results.push(await runTrial({ redisUrl: REDIS_URL, prefix, fairness, bulk: BULK, concurrency: CONCURRENCY, groupSize: K, aAfterStarted: 300 }));
    } finally {
      await deleteKeys(REDIS_URL, prefix);
    }
  }
  return results;
}

// Warm-up: connections, Lua script caches, JIT.
const warm = uniquePrefix('bench-fair-warm');
await runTrial({ redisUrl: REDIS_URL, prefix: warm, fairness: true, bulk: 500, concurrency: CONCURRENCY, groupSize: K }).finally(() =>
  deleteKeys(REDIS_URL, warm),
);
const on = await trials(true);
const off = await trials(false);
const row = (label: string, results: TrialResult[]) => {
  const wait = results.map((r) => r.waitMs);
  const before = results.map((r) => r.startedBeforeA);
  return `| ${label} | ${percentile(wait, 50).toFixed(1)} | ${percentile(wait, 95).toFixed(1)} | ${percentile(before, 50)} | ${percentile(before, 95)} | ${percentile(
    results.map((r) => r.waitingWhenAdded),
    50,
  )} |`;
};
console.log(`${TRIALS} trials each: B submits ${BULK} jobs, A submits 1 once 300 of B's have started; 1 worker, concurrency ${CONCURRENCY}, K = ${K}`);
console.log("| scheduling | A's wait p50 (ms) | A's wait p95 (ms) | jobs started before A p50 | p95 | B's jobs waiting when A submitted (p50) |");
console.log('| --- | --- | --- | --- | --- | --- |');
console.log(row('fair priorities', on));
console.log(row('FIFO (fairness off)', off));
