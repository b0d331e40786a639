// PERSON detection: quality on the labelled corpora, then speed of detectPersons alone.
// Run: pnpm bench person
import { performance } from 'node:perf_hooks';
import { personHeldout, personNegatives, personPositives, score, type Score } from '../corpus/person-corpus';
import { detect } from '../src/detect';
import { detectPersons, type PersonDetectorStats, warmPersonDetector } from '../src/detectors/person';
import { loadNlp } from '../src/detectors/person/nlp';
import { negatives, positives } from '../test/corpus';

const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
const ms = (t0: number): string => `${(performance.now() - t0).toFixed(0)} ms`;

// ---- start-up --------------------------------------------------------------------------------
let t0 = performance.now();
warmPersonDetector({ nlp: false });
console.log(`lexicons built in ${ms(t0)}`);
t0 = performance.now();
loadNlp();
console.log(`compromise loaded in ${ms(t0)}`);

// ---- quality ---------------------------------------------------------------------------------
const row = (label: string, s: Score): void =>
  console.log(
    `${label.padEnd(39)} ${String(s.tp + s.fn).padStart(5)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}  ${f3(s.precision)}  ${f3(s.recall)}  ${f3(s.f2)}  ${String(s.negativeHits).padStart(6)}`,
  );
console.log(`\nperson corpus: ${personPositives().length} sentences with names, ${personNegatives().length} hard negatives`);
console.log('detector                                names   tp   fp   fn  precis  recall      F2  neg FP');
const withNlp = score((t) => detectPersons(t));
row('lexicons + cues + compromise', withNlp);
row(
  'lexicons + cues (nlp: false)',
  score((t) => detectPersons(t, { nlp: false })),
);
console.log(`misses: ${withNlp.misses.join('; ')}`);
console.log(`false positives: ${withNlp.falsePositives.join('; ')}`);
// Written after tuning and never tuned on: the least optimistic of these figures.
const heldout = personHeldout();
console.log(
  `\nheld-out set: ${heldout.filter((s) => s.names.length > 0).length} sentences with names, ${heldout.filter((s) => s.names.length === 0).length} without`,
);
const held = score((t) => detectPersons(t), [['heldout', heldout]]);
row('held-out, lexicons + cues + compromise', held);
row(
  'held-out, nlp: false',
  score((t) => detectPersons(t, { nlp: false }), [['heldout', heldout]]),
);
console.log(`misses: ${held.misses.join('; ')}`);
console.log(`false positives: ${held.falsePositives.join('; ')}\n`);

// The main corpus was written by another author: a less self-fulfilling check.
let tp = 0;
let fp = 0;
let fn = 0;
for (const s of [...positives(), ...negatives()]) {
  const want = new Set(s.entities.filter((e) => e.type === 'PERSON').map((e) => `${e.start}:${e.end}`));
  for (const e of detect(s.text, { types: ['PERSON'] })) {
    if (want.delete(`${e.start}:${e.end}`)) tp++;
    else fp++;
  }
  fn += want.size;
}
const p = tp / (tp + fp);
const r = tp / (tp + fn);
console.log(
  `main corpus (other author), detect(): ${tp + fn} names, tp ${tp}, fp ${fp}, fn ${fn}, precision ${f3(p)}, recall ${f3(r)}, F2 ${f3((5 * p * r) / (4 * p + r))}`,
);

// ---- throughput ------------------------------------------------------------------------------
// 4 MB of mixed text, built deterministically: labelled sentences, capitalised prose, code, CJK.
const fillers = [
  'The Quarterly Business Review covers Revenue, Churn and the Enterprise Pipeline for EMEA and APAC. ',
  'Deploy the WorkerPool with MAX_RETRIES=5; see HttpClient.send() and Console.WriteLine in Program.cs. ',
  '東京のチームは 😀 新しい機能をテストしました。 请联系客户服务。 ',
  'On Monday the Support Team in Berlin escalated ticket #4412 to Engineering; status: Open. ',
  'please send the invoice to accounts payable before the end of the month, thanks a lot. ',
];
const sentences = [...personPositives(), ...personNegatives(), ...positives(), ...negatives()].map((s) => s.text);
const parts: string[] = [];
let size = 0;
for (let i = 0; size < 4 * 1024 * 1024; i++) {
  const piece = i % 2 === 0 ? (fillers[(i >> 1) % fillers.length] ?? '') : (sentences[(i * 7919) % sentences.length] ?? '');
  parts.push(piece);
  size += piece.length + 1;
}
const mixed = parts.join('\n');
const mb = Buffer.byteLength(mixed, 'utf8') / (1024 * 1024);

function measure(label: string, run: (stats: PersonDetectorStats) => number): void {
  const stats: PersonDetectorStats = { tokens: 0, pieces: 0, deferred: 0, nlpCalls: 0, nlpChars: 0 };
  run(stats); // warm-up
  const rounds = 3;
  const start = performance.now();
  let found = 0;
  for (let i = 0; i < rounds; i++) found = run(stats);
  const seconds = (performance.now() - start) / 1000 / rounds;
  console.log(
    `${label.padEnd(44)} ${(mb / seconds).toFixed(2).padStart(6)} MB/s  ${String(found).padStart(6)} names  nlp ${stats.nlpCalls} calls / ${stats.nlpChars} chars`,
  );
}

const WINDOW = 64 * 1024;
function windowed(options: { nlp?: boolean }, stats: PersonDetectorStats): number {
  let found = 0;
  const total: PersonDetectorStats = { tokens: 0, pieces: 0, deferred: 0, nlpCalls: 0, nlpChars: 0 };
  for (let at = 0; at < mixed.length; at += WINDOW) {
    found += detectPersons(mixed.slice(at, at + WINDOW), { ...options, stats }).length;
    total.nlpCalls += stats.nlpCalls;
    total.nlpChars += stats.nlpChars;
  }
  Object.assign(stats, total);
  return found;
}

console.log(`\ndetectPersons on ${mb.toFixed(2)} MB of mixed text (mean of 3 runs after a warm-up)`);
measure('one call, default nlp budget (4096 chars)', (stats) => detectPersons(mixed, { stats }).length);
measure('one call, nlp: false', (stats) => detectPersons(mixed, { nlp: false, stats }).length);
measure('64 KB windows, default nlp budget', (stats) => windowed({}, stats));
measure('64 KB windows, nlp: false', (stats) => windowed({ nlp: false }, stats));

// ---- pathological inputs: work is counted, and the time printed ------------------------------
const MB = 1 << 20;
const fill = (unit: string): string => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
const cases: Record<string, string> = {
  'capitalised words': fill('Aaaa '),
  'name pairs': fill('John Smith '),
  'unknown pairs': fill('Zorblax Quix '),
  'title cues': fill('Mr. Aaaa '),
  particles: fill('Aaaa van '),
  initials: fill('A. '),
  'one long word': fill('A' + 'a'.repeat(99)),
  'pseudonym tokens': fill('<PERSON_1> '),
  'apostrophes and hyphens': fill("O'-"),
};
console.log('\npathological 1 MB inputs (default options)');
for (const [name, text] of Object.entries(cases)) {
  const stats: PersonDetectorStats = { tokens: 0, pieces: 0, deferred: 0, nlpCalls: 0, nlpChars: 0 };
  const start = performance.now();
  const n = detectPersons(text, { stats }).length;
  console.log(
    `${name.padEnd(24)} ${ms(start).padStart(8)}  ${String(n).padStart(7)} names  tokens ${stats.tokens}  pieces ${stats.pieces}  deferred ${stats.deferred}  nlp chars ${stats.nlpChars}`,
  );
}
