/**
 * Simulator throughput over HTTP with the real openai SDK, plus the latency knob's distribution.
 * Run: pnpm exec tsx bench/throughput.bench.ts   (about 30-60 s on 2 cores)
 */
import OpenAI from 'openai';
import { embedText, startSimulator } from '../src/index';

const sim = await startSimulator({ logBodies: false });
const client = new OpenAI({ baseURL: sim.baseURL, apiKey: 'sim', maxRetries: 0 });

async function timed(label: string, count: number, unit: string, fn: () => Promise<void>) {
  const start = performance.now();
  await fn();
  const seconds = (performance.now() - start) / 1000;
  console.log(`${label.padEnd(52)} ${(count / seconds).toFixed(0).padStart(8)} ${unit}/s  (${count} in ${seconds.toFixed(2)} s)`);
}

async function pool(total: number, concurrency: number, task: (i: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await task(next++);
    }),
  );
}

const text = 'The quarterly revenue report shows growth in Europe and a decline in refunds for <EMAIL_1>.';
await timed('embedText in-process (1536 dims, 14 words)', 20_000, 'texts', async () => {
  for (let i = 0; i < 20_000; i++) embedText(`${text} ${i}`, 1536);
});
await timed('chat, sequential', 1_000, 'req', async () => {
  for (let i = 0; i < 1_000; i++) await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `${text} ${i}` }] });
});
await timed('chat, 32 concurrent', 3_000, 'req', () =>
  pool(3_000, 32, (i) => client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `${text} ${i}` }] })),
);
await timed('chat json_schema judge, 32 concurrent', 2_000, 'req', () =>
  pool(2_000, 32, (i) =>
    client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: `<reference>Paris is the capital of France.</reference><answer>Paris ${i}</answer>` }],
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'v',
          schema: { type: 'object', properties: { score: { type: 'number' }, reason: { type: 'string' } }, required: ['score', 'reason'] },
        },
      },
    }),
  ),
);
await timed('embeddings, 100 inputs/request (base64), 8 concurrent', 20_000, 'inputs', () =>
  pool(200, 8, (r) => client.embeddings.create({ model: 'text-embedding-3-small', input: Array.from({ length: 100 }, (_, i) => `${text} ${r}-${i}`) })),
);

sim.configure({ latencyMs: { p50: 20, p99: 200 } });
const latencies: number[] = [];
await pool(400, 50, async () => {
  const start = performance.now();
  await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'ping' }] });
  latencies.push(performance.now() - start);
});
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(1);
console.log(`latency knob {p50: 20, p99: 200} observed over 400 calls: p50 ${pct(50)} ms, p90 ${pct(90)} ms, p99 ${pct(99)} ms`);
console.log(`request log entries kept: ${sim.log.list().length}`);
await sim.close();
