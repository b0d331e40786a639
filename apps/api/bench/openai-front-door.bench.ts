// The OpenAI-compatible front door driven by the official openai SDK, against the same calls made to
// the simulator directly: what the platform's path (pseudonymize, enqueue, worker, cache, ledger,
// restore) adds to a chat completion, an embedding call and a Batch API round trip.
// Run: pnpm bench openai-front-door   (or pnpm exec tsx bench/openai-front-door.bench.ts [chats] [batch lines] [WORKER_CONCURRENCY])
import OpenAI, { toFile } from 'openai';
import { waitFor } from '@llmops/testing';
import { keys, startPlatform } from '../test/fixtures/platform-harness';

const CHATS = Number(process.argv[2] ?? 40);
const CONCURRENT = 32;
const LATENCY_MS = 50;
const EMBED_CALLS = 20;
const EMBED_INPUTS = 100;
/**
 * Lines of the batch. Batch mode looks its lines up in the cache one at a time (each waits for its
 * own embedding request), so 1,000 lines take minutes here; 200 keep the bench short.
 */
const BATCH_LINES = Number(process.argv[3] ?? 200);
/** The worker's WORKER_CONCURRENCY: each chat completion is a job, so it bounds completions in flight per replica. */
const WORKER_CONCURRENCY = process.argv[4] ?? '4';

const harness = await startPlatform('openai-bench', { simulator: { latencyMs: LATENCY_MS, batchDelayMs: 500 } });
try {
  await harness.startWorker({ WORKER_CONCURRENCY });
  console.log(`one worker replica, WORKER_CONCURRENCY=${WORKER_CONCURRENCY}`);
  const frontDoor = new OpenAI({ apiKey: keys.alice, baseURL: `${harness.api.url}/openai/v1`, maxRetries: 0 });
  const direct = new OpenAI({ apiKey: 'sim', baseURL: harness.simulator.baseURL, maxRetries: 0 });
  const prompt = (i: number, run: string) => [
    {
      role: 'user' as const,
      content: `Summarise inspection report ${i} of run ${run} for the pump station in district ${i % 9}; contact ops.${i}@example.com`,
    },
  ];
  const chat = (client: OpenAI, i: number, run: string) =>
    client.chat.completions.create({ model: 'gpt-4o-mini', messages: prompt(i, run), temperature: 0, max_tokens: 120 });

  // Warm-up: connections, the worker's first job, tokenizers.
  await chat(frontDoor, -1, 'warm');
  await chat(direct, -1, 'warm');

  const directMs = await timeEach(CHATS, (i) => chat(direct, i, 'direct'));
  const missMs = await timeEach(CHATS, (i) => chat(frontDoor, i, 'miss'));
  const hitMs = await timeEach(CHATS, (i) => chat(frontDoor, i, 'miss'));
  const streamMs = await timeEach(CHATS, async (i) => {
    const stream = await frontDoor.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: prompt(i, 'stream'),
      temperature: 0,
      max_tokens: 120,
      stream: true,
    });
    for await (const _chunk of stream);
  });
  console.log(`chat completion, one at a time (${CHATS} each, simulator latency ${LATENCY_MS} ms):`);
  console.log(`  simulator directly        ${summary(directMs)}`);
  console.log(`  front door, cache miss    ${summary(missMs)}`);
  console.log(`  front door, cache hit     ${summary(hitMs)}`);
  console.log(`  front door, stream (miss) ${summary(streamMs)}`);

  const started = performance.now();
  const concurrentMs = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => timed(() => chat(frontDoor, i, 'concurrent'))));
  const wall = performance.now() - started;
  console.log(`  ${CONCURRENT} at once (misses): ${summary(concurrentMs)}; ${((1000 * CONCURRENT) / wall).toFixed(1)} completions/s`);

  const inputs = (call: number) =>
    Array.from({ length: EMBED_INPUTS }, (_, i) => `Ticket ${call}-${i}: customer ${i}@example.org reports a leaking seal on pump ${i % 17}`);
  const embedDirect = await timeEach(EMBED_CALLS, (call) => direct.embeddings.create({ model: 'text-embedding-3-small', input: inputs(call) }));
  const embedFront = await timeEach(EMBED_CALLS, (call) => frontDoor.embeddings.create({ model: 'text-embedding-3-small', input: inputs(call) }));
  console.log(`embeddings, ${EMBED_INPUTS} inputs per call (each with an email to pseudonymize), ${EMBED_CALLS} calls:`);
  console.log(
    `  simulator directly ${summary(embedDirect)}; front door ${summary(embedFront)} (${((EMBED_INPUTS * 1000) / median(embedFront)).toFixed(0)} inputs/s)`,
  );

  const jsonl = Array.from({ length: BATCH_LINES }, (_, i) =>
    JSON.stringify({
      custom_id: `r${i}`,
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: 'gpt-4o-mini', messages: prompt(i, 'batch'), max_tokens: 120 },
    }),
  ).join('\n');
  const t0 = performance.now();
  const file = await frontDoor.files.create({ file: await toFile(Buffer.from(jsonl), 'bench.jsonl'), purpose: 'batch' });
  const t1 = performance.now();
  const batch = await frontDoor.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
  const t2 = performance.now();
  const done = await waitFor(
    async () => {
      const current = await frontDoor.batches.retrieve(batch.id);
      return ['completed', 'failed', 'cancelled', 'expired'].includes(current.status) ? current : undefined;
    },
    { what: 'bench batch', timeoutMs: 600_000, intervalMs: 200 },
  );
  const t3 = performance.now();
  const output = await (await frontDoor.files.content(done.output_file_id!)).text();
  const t4 = performance.now();
  console.log(
    `batch of ${BATCH_LINES} lines (${(Buffer.byteLength(jsonl) / 1024).toFixed(0)} KiB, provider batch delay 500 ms): upload ${ms(t1 - t0)}, create ${ms(t2 - t1)}, ` +
      `until ${done.status} ${ms(t3 - t2)}, download ${ms(t4 - t3)} (${output.trim().split('\n').length} lines, ${(Buffer.byteLength(output) / 1024).toFixed(0)} KiB)`,
  );
} finally {
  await harness.close();
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function timeEach(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await timed(() => fn(i)));
  return out;
}

function median(values: number[]): number {
  return quantile(values, 0.5);
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function summary(values: number[]): string {
  return `p50 ${ms(quantile(values, 0.5))}, p95 ${ms(quantile(values, 0.95))}`;
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}
