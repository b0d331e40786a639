/**
 * What the call journal costs and saves.
 *   pnpm bench journal
 * 1. chat through createLlmClient against the in-process simulator (no latency), 16 in flight, with
 *    the journal off and on: per-call p50/p99 and calls/s (the journal adds an intent, an answer and a
 *    finish script per call: three Redis round trips).
 * 2. a restarted job asking the same calls again: replays from the journal vs real calls.
 * 3. the journal's Redis memory per kept answer: a chat answer and a 1,536-dimension embedding.
 */
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { spendKeys } from '@llmops/contracts';
import { startSimulator } from '@llmops/llm-simulator';
import { createLlmClient, type LlmClient } from '../src/index';

const redis = new Redis('redis://127.0.0.1:6379');
const prefix = `bench:journal:${process.pid}`;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function run(label: string, client: LlmClient, calls: number, key: (i: number) => string | undefined, jobId: string | undefined) {
  const times: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < calls) {
        const i = next++;
        const t = performance.now();
        const idempotencyKey = key(i);
        await client.chat(
          { model: 'gpt-4o-mini', messages: [{ role: 'user', content: `question ${i}: name three rivers of Europe` }], max_tokens: 30, temperature: 0 },
          { tenant: 'bench', jobType: 'inference', ...(jobId ? { jobId } : {}), ...(idempotencyKey ? { idempotencyKey } : {}) },
        );
        times.push(performance.now() - t);
      }
    }),
  );
  const wall = performance.now() - t0;
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(44)} ${calls} calls: p50 ${pct(times, 50).toFixed(2)} ms, p99 ${pct(times, 99).toFixed(2)} ms, ${Math.round((calls / wall) * 1000)} calls/s`,
  );
}

async function cleanup() {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}

const sim = await startSimulator({ logBodies: false });
const providers = { providers: [{ name: 'sim', baseURL: sim.baseURL }] };
const plain = createLlmClient({ redis, providers, limiter: false, ledger: { keyPrefix: `${prefix}:off` }, journal: false });
const journaled = createLlmClient({ redis, providers, limiter: false, ledger: { keyPrefix: prefix } });
try {
  const calls = 2_000;
  await run('warm-up', plain, 200, () => undefined, undefined);
  await run('ledger only (journal off)', plain, calls, (i) => `job-a:${i}`, 'job-a');
  await run('ledger + journal', journaled, calls, (i) => `job-b:${i}`, 'job-b');
  const before = sim.log.latestId;
  await run('restarted job: every call replayed', journaled, calls, (i) => `job-b:${i}`, 'job-b');
  console.log(`provider requests during the replay: ${sim.log.list(before).length}`);

  const journalKey = spendKeys(prefix).callJournal('job-b');
  const bytes = Number(await redis.memory('USAGE', journalKey, 'SAMPLES', '0'));
  console.log(`journal of ${calls} chat answers: ${(bytes / 1024).toFixed(0)} KiB in Redis, ${Math.round(bytes / calls)} B per answer`);
  await journaled.embed(
    Array.from({ length: 100 }, (_, i) => `chunk ${i} about pumps and valves`),
    { tenant: 'bench', jobType: 'ingest', jobId: 'job-e', idempotencyKey: 'job-e:b0', model: 'text-embedding-3-small' },
  );
  const embedBytes = Number(await redis.memory('USAGE', spendKeys(prefix).callJournal('job-e'), 'SAMPLES', '0'));
  console.log(`journal of 100 embeddings (1,536 dimensions): ${(embedBytes / 1024).toFixed(0)} KiB, ${Math.round(embedBytes / 100)} B per vector`);
} finally {
  await cleanup();
  await sim.close();
  redis.disconnect();
}
