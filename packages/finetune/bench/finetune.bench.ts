// `pnpm bench finetune`: checking a large chat dataset (MB/s, examples/s, and the longest event-loop
// stall while it runs), and the cost model. Prints one line per figure.
import { defaultModelRegistry } from '@llmops/tokens';
import { checkDataset, computeAdvice } from '../src/index';

const model = defaultModelRegistry.require('gpt-4o-mini');
const lines = Array.from({ length: 20_000 }, (_, i) =>
  JSON.stringify({
    messages: [
      { role: 'system', content: 'You are the support assistant of an online shop. Answer briefly and cite the policy.' },
      { role: 'user', content: `Order ${i}: my parcel arrived damaged, the box was crushed and item ${i % 97} is broken. What can I do? ` },
      {
        role: 'assistant',
        content: `Sorry about order ${i}. Send a photo of the damage within 14 days and we replace item ${i % 97} or refund it (policy 4.${i % 9}).`,
      },
    ],
  }),
);
const jsonl = lines.join('\n');
const mb = Buffer.byteLength(jsonl) / 1e6;

// Tokenizer tables load once per process (the API warms them at boot): not part of the figure.
await checkDataset(lines.slice(0, 20).join('\n'), { model });

// Gaps between ticks of a 1 ms interval: how long the event loop was held. The same ticker runs idle
// for as long first, because on a shared machine the process itself is descheduled now and then.
function ticker() {
  const gaps: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
  }, 1);
  return () => {
    clearInterval(timer);
    gaps.sort((a, b) => a - b);
    return { p99: gaps[Math.floor(gaps.length * 0.99)] ?? 0, max: gaps.at(-1) ?? 0 };
  };
}
const start = performance.now();
const checking = ticker();
const check = await checkDataset(jsonl, { model });
const ms = performance.now() - start;
const during = checking();
const idle = ticker();
await new Promise((resolve) => setTimeout(resolve, ms));
const baseline = idle();
console.log(
  `check ${lines.length} examples (${mb.toFixed(1)} MB): ${ms.toFixed(0)} ms = ${(mb / (ms / 1_000)).toFixed(1)} MB/s, ${(lines.length / (ms / 1_000)).toFixed(0)} examples/s; ${check.totalTokens} tokens`,
);
console.log(
  `event-loop gaps while checking: p99 ${during.p99.toFixed(1)} ms, max ${during.max.toFixed(1)} ms (idle on this machine: p99 ${baseline.p99.toFixed(1)} ms, max ${baseline.max.toFixed(1)} ms)`,
);

const inputs = {
  collection: { name: 'kb', chunks: 2_000, tokens: 1_000_000, embeddingModel: 'text-embedding-3-small', changedTokensPerMonth: 100_000 },
  traffic: { queriesPerMonth: 100_000, questionTokens: 50, answerTokens: 200, cacheHitRate: 0.2 },
  rag: { model: 'gpt-4o-mini', contextTokens: 1_500 },
  fineTune: { baseModel: 'gpt-4o-mini', epochs: 3, trainingTokens: 1_000_000, retrainsPerMonth: 1 },
};
const models = { embedding: defaultModelRegistry.require('text-embedding-3-small'), chat: model, base: model };
const adviceStart = performance.now();
for (let i = 0; i < 10_000; i++) computeAdvice(inputs, models);
console.log(`computeAdvice (exact decimals): ${(((performance.now() - adviceStart) / 10_000) * 1_000).toFixed(0)} µs each`);
