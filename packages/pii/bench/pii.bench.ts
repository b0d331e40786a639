// Detection quality on the labelled corpus, throughput with and without PERSON, log scrubbing,
// the async windowed path, and seconds on pathological inputs. Run: pnpm bench pii
import { performance } from 'node:perf_hooks';
import { defaultPolicy, detect, detectAsync, normalizedView, redact, scrubLogValue, type EntityType } from '../src/index';
import { ENTITY_TYPES } from '../src/types';
import { negatives, positives } from '../test/corpus';

const NO_PERSON: EntityType[] = ENTITY_TYPES.filter((t) => t !== 'PERSON');

// ---- quality -------------------------------------------------------------------------------------
const stats = new Map<string, { tp: number; fp: number; fn: number }>([...ENTITY_TYPES, 'ALL but PERSON'].map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
const bump = (type: string, k: 'tp' | 'fp' | 'fn') => {
  for (const t of type === 'PERSON' ? [type] : [type, 'ALL but PERSON']) {
    const s = stats.get(t);
    if (s) s[k]++;
  }
};
const negativeHits = new Map<string, number>();
for (const s of [...positives(), ...negatives()]) {
  const want = new Map(s.entities.map((e) => [`${e.type}:${e.start}:${e.end}`, e.type]));
  const got = detect(s.text);
  if (s.entities.length === 0) for (const e of got) negativeHits.set(e.type, (negativeHits.get(e.type) ?? 0) + 1);
  for (const e of got) bump(e.type, want.delete(`${e.type}:${e.start}:${e.end}`) ? 'tp' : 'fp');
  for (const type of want.values()) bump(type, 'fn');
}
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
console.log(
  `corpus: ${positives().length} positive sentences, ${negatives().length} hard negatives (written by the authors of the detectors: a regression check, not an independent measurement)`,
);
console.log('type             support   tp   fp   fn  precision  recall     F2');
for (const [type, s] of stats) {
  const p = s.tp / (s.tp + s.fp);
  const r = s.tp / (s.tp + s.fn);
  const f2 = (5 * p * r) / (4 * p + r);
  console.log(
    `${type.padEnd(16)} ${String(s.tp + s.fn).padStart(7)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}  ${f3(p).padStart(9)} ${f3(r).padStart(7)} ${f3(f2).padStart(6)}`,
  );
}
const negAll = [...negativeHits.values()].reduce((a, b) => a + b, 0);
console.log(
  `false positives on the hard negatives: ${negAll - (negativeHits.get('PERSON') ?? 0)} (all types but PERSON), ${negativeHits.get('PERSON') ?? 0} PERSON`,
);

// Bare 9-digit SSNs: how often is an arbitrary 9-digit number in neutral prose flagged?
let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
let flagged = 0;
const SAMPLES = 2000;
for (let i = 0; i < SAMPLES; i++) {
  const n = String(Math.floor(rand() * 1e9)).padStart(9, '0');
  if (detect(`The value was ${n} yesterday.`, { types: ['SSN'] }).length > 0) flagged++;
}
console.log(
  `bare 9-digit numbers in neutral prose flagged as SSN: ${((100 * flagged) / SAMPLES).toFixed(1)}% of ${SAMPLES} random ones (the SSA rules reject the rest)`,
);

// ---- throughput ----------------------------------------------------------------------------------
const prose =
  'The quarterly report shows revenue grew 4.2% to $1,299,000 while costs stayed flat. Version 2.14.1 shipped on 2024-03-15 ' +
  'with 37 fixes; see commit 9fceb02d0ae598e95dc970b74767f19372d61af8 and ticket JIRA-12345. 東京 のチームは 😀 新しい機能をテストしました。 ';
const sentences = [...positives(), ...negatives()].map((s) => s.text);
const parts: string[] = [];
let size = 0;
while (size < 4 * 1024 * 1024) {
  const piece = rand() < 0.5 ? prose : (sentences[Math.floor(rand() * sentences.length)] ?? '');
  parts.push(piece);
  size += piece.length;
}
const mixed = parts.join('\n');
const mb = Buffer.byteLength(mixed, 'utf8') / (1024 * 1024);
const asciiMixed = mixed.replace(/[^\x20-\x7e\n]/g, ' ');
const asciiMb = asciiMixed.length / (1024 * 1024);

async function time(label: string, fn: () => number | Promise<number>, bytesMb: number, unit = 'entities'): Promise<void> {
  await fn(); // warm-up
  const runs: number[] = [];
  let count = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    count = await fn();
    runs.push(performance.now() - t0);
  }
  const best = Math.min(...runs);
  console.log(`${label.padEnd(52)} ${(bytesMb / (best / 1000)).toFixed(2).padStart(7)} MB/s  (${best.toFixed(0)} ms, ${count} ${unit})`);
}

console.log(`\nthroughput on ${mb.toFixed(2)} MB of mixed text (CJK, emoji and the evasion lines: the normalizing path), best of 3, one core:`);
await time('normalized view only', () => normalizedView(mixed).text.length, mb, 'characters out');
await time('detect, every type but PERSON', () => detect(mixed, { types: NO_PERSON }).length, mb);
await time('detect, every type (with PERSON)', () => detect(mixed).length, mb);
await time('detectAsync (64 KiB windows), every type but PERSON', async () => (await detectAsync(mixed, { types: NO_PERSON })).length, mb);
await time('redact (defaultPolicy, all types)', () => redact(mixed, defaultPolicy).entities.length, mb);
const docs = mixed.match(/[^\n]+/g) ?? [];
await time(
  `redact per line (~${Math.round(mixed.length / docs.length)} chars/line), all types`,
  () => docs.reduce((n, d) => n + redact(d, defaultPolicy).entities.length, 0),
  mb,
);
console.log(`\nthe same text as plain ASCII (${asciiMb.toFixed(2)} MB, the fast path without normalization):`);
await time('detect, every type but PERSON', () => detect(asciiMixed, { types: NO_PERSON }).length, asciiMb);
const logLines = docs.map((d, i) => ({ msg: i % 10 === 0 ? d : `job ${i} step done in ${i % 97} ms`, jobId: `j-${i}` }));
const logMb = Buffer.byteLength(JSON.stringify(logLines), 'utf8') / (1024 * 1024);
await time(`scrubLogValue on ${logLines.length} log objects`, () => logLines.reduce((n, l) => n + (scrubLogValue(l) === l ? 0 : 1), 0), logMb);

// ---- pathological inputs: seconds, and time per MB should stay flat (linear) -----------------------
console.log('\npathological inputs, detect() with every type (seconds for 1 MB -> 8 MB; linear means x8):');
const units = [
  'a',
  '1 ',
  '1',
  '+1 (',
  '@',
  'a@',
  'a.b@c.',
  'ff:',
  '1::',
  'de12',
  'AB12 ',
  'Name: Aaaa ',
  'eyJ',
  'http://',
  'a [at] b [dot] ',
  '\u200ba',
  '\u0430a',
  '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN',
];
for (const unit of units) {
  const secs = [1, 8].map((m) => {
    const text = unit.repeat(Math.ceil((m * 1024 * 1024) / unit.length));
    const t0 = performance.now();
    detect(text);
    return (performance.now() - t0) / 1000;
  });
  console.log(`  ${JSON.stringify(unit).padEnd(38)} ${secs.map((x) => x.toFixed(3).padStart(7)).join(' ->')} s`);
}
