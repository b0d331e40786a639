/**
 * Tokens/s for counting and chunking ~1 MB of mixed text with this package beside raw tiktoken and
 * gpt-tokenizer, in one run. `pnpm exec tsx bench/tokens.bench.ts` (env BENCH_RUNS, default 5).
 * Each figure is the median of the warm runs; "cold" is the first run with empty caches.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { get_encoding } from 'tiktoken';
import * as gptO200k from 'gpt-tokenizer/encoding/o200k_base';
import { chunkText, clearTokenCache, countTokens, countTokensAsync } from '../src/index';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MODEL = 'gpt-4o-mini'; // o200k_base

// Deterministic PRNG, so every run measures the same text.
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

function mixedText(targetChars: number): string {
  const dir = new URL('../corpus/', import.meta.url);
  const lines = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(new URL(f, dir), 'utf8').split('\n'))
    .filter((l) => l.trim() !== '');
  const syllables = ['ka', 'lo', 'mer', 'tri', 'qua', 'zen', 'dor', 'pli', 'us', 'an', 'ex', 'vo', 'rith', 'gle'];
  const word = () => Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(syllables)).join('');
  const parts: string[] = [];
  let length = 0;
  while (length < targetChars) {
    // Half corpus lines, half made-up sentences: many pieces repeat, many are new, as in real documents.
    const sentence = `${word().replace(/^./, (c) => c.toUpperCase())} ${Array.from({ length: 12 }, word).join(' ')} ${Math.floor(rand() * 1e6)}.`;
    const paragraph = Array.from({ length: 4 }, () => (rand() < 0.5 ? pick(lines) : sentence)).join(' ');
    parts.push(paragraph);
    length += paragraph.length + 2;
  }
  return parts.join('\n\n');
}

function measure(name: string, tokens: number, run: () => number, reset: () => void) {
  reset();
  let t = performance.now();
  const count = run();
  const cold = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const warm = times[Math.floor(times.length / 2)] ?? cold;
  return { name, count, exact: count === tokens, warmMs: warm, coldMs: cold, tokPerS: tokens / (warm / 1000), coldTokPerS: tokens / (cold / 1000) };
}

async function measureAsync(name: string, tokens: number, run: () => Promise<number>, reset: () => void) {
  reset();
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i <= RUNS; i++) {
    const t = performance.now();
    count = await run();
    times.push(performance.now() - t);
  }
  const cold = times.shift() ?? 0;
  times.sort((a, b) => a - b);
  const warm = times[Math.floor(times.length / 2)] ?? cold;
  return { name, count, exact: count === tokens, warmMs: warm, coldMs: cold, tokPerS: tokens / (warm / 1000), coldTokPerS: tokens / (cold / 1000) };
}

const text = mixedText(1_000_000);
const otherText = mixedText(1_000_000); // the PRNG has moved on: same kind of text, other words
const tiktoken = get_encoding('o200k_base');
const tokens = tiktoken.encode_ordinary(text).length;
const ordinary = { allowedSpecial: new Set<string>(), disallowedSpecial: new Set<string>() };
const none = () => {};
// Cold runs start with empty piece caches but built encoders: building one is a one-off per process.
const resetPackage = () => {
  countTokens('warm-up', MODEL);
  clearTokenCache();
};
console.log(`text: ${(text.length / 1e6).toFixed(2)} M UTF-16 units, ${tokens} o200k_base tokens (tiktoken reference), ${RUNS} warm runs\n`);

const counting = [
  measure('tiktoken encode_ordinary', tokens, () => tiktoken.encode_ordinary(text).length, none),
  measure('gpt-tokenizer encode', tokens, () => gptO200k.encode(text, ordinary).length, gptO200k.clearMergeCache),
  measure('gpt-tokenizer countTokens', tokens, () => gptO200k.countTokens(text, ordinary), gptO200k.clearMergeCache),
  measure('@llmops/tokens countTokens', tokens, () => countTokens(text, MODEL), resetPackage),
  await measureAsync('@llmops/tokens countTokensAsync', tokens, () => countTokensAsync(text, MODEL), resetPackage),
];
// Steady state: caches warmed on another 1 MB of the same kind of text, as in a long-running worker.
const steadyTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  clearTokenCache();
  countTokens(otherText, MODEL);
  const t = performance.now();
  countTokens(text, MODEL);
  steadyTimes.push(performance.now() - t);
}
steadyTimes.sort((a, b) => a - b);
const steadyMs = steadyTimes[Math.floor(steadyTimes.length / 2)] ?? 0;
const row = (r: (typeof counting)[number]) =>
  `${r.name.padEnd(34)} ${(r.tokPerS / 1e6).toFixed(2).padStart(6)} M tok/s warm  ${(r.coldTokPerS / 1e6).toFixed(2).padStart(6)} M tok/s cold  ${r.warmMs.toFixed(0).padStart(5)} ms  ${r.exact ? 'exact' : `INEXACT (${r.count})`}`;
console.log('counting');
counting.forEach((r) => console.log(`  ${row(r)}`));

console.log(
  `  ${'@llmops/tokens countTokens, steady'.padEnd(34)} ${(tokens / steadyMs / 1000).toFixed(2).padStart(6)} M tok/s (cache warmed on other text)  ${steadyMs.toFixed(0).padStart(5)} ms`,
);
const ours = counting.find((r) => r.name === '@llmops/tokens countTokens');
const raw = counting.filter((r) => !r.name.startsWith('@llmops'));
const fastestExact = raw.filter((r) => r.exact).sort((a, b) => a.warmMs - b.warmMs)[0];
const fastestAny = [...raw].sort((a, b) => a.warmMs - b.warmMs)[0];
if (ours && fastestExact && fastestAny) {
  const over = (ms: number, base: number) => `${(((ms - base) / base) * 100).toFixed(1)}%`;
  const pct = (base: number) => over(ours.warmMs, base);
  console.log(`\npackage countTokens vs fastest exact tokenizer (${fastestExact.name}), time overhead (target <= 10%):`);
  console.log(
    `  warm ${pct(fastestExact.warmMs)}, steady ${over(steadyMs, fastestExact.warmMs)}, cold (empty cache, first pass) ${over(ours.coldMs, fastestExact.warmMs)}`,
  );
  if (fastestAny !== fastestExact)
    console.log(`package countTokens vs fastest tokenizer overall (${fastestAny.name}, inexact here): ${pct(fastestAny.warmMs)}`);
}

// Chunking: the package beside a naive tiktoken chunker (encode once, cut every 512 ids, decode).
const naive = () => {
  const ids = tiktoken.encode_ordinary(text);
  let n = 0;
  for (let i = 0; i < ids.length; i += 448) n += new TextDecoder().decode(tiktoken.decode(ids.subarray(i, i + 512))).length;
  return n;
};
const chunking = [
  measure('naive tiktoken windows (512/64)', tokens, () => (naive(), tokens), none),
  measure('@llmops/tokens chunkText (512/64)', tokens, () => (chunkText(text, { model: MODEL, targetTokens: 512, overlapTokens: 64 }), tokens), resetPackage),
];
const chunks = chunkText(text, { model: MODEL, targetTokens: 512, overlapTokens: 64 });
console.log(`\nchunking (${chunks.length} chunks, mean ${(chunks.reduce((s, c) => s + c.tokens, 0) / chunks.length).toFixed(0)} tokens)`);
chunking.forEach((r) => console.log(`  ${row({ ...r, exact: true })}`));
tiktoken.free();
