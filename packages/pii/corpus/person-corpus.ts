// Loads persons.txt and person-negatives.txt (same format as positives.txt: "{{PERSON|Jane Doe}}"
// marks a name, "\n" is a newline, '#' starts a comment line) and scores a detector on them.
// Shared by test/person-corpus.test.ts and bench/person.bench.ts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface PersonSentence {
  line: number;
  text: string;
  names: { start: number; end: number; value: string }[];
}

const MARK = /\{\{PERSON\|([^}]{1,200})\}\}/g;

function load(file: string): PersonSentence[] {
  const path = fileURLToPath(new URL(`./${file}`, import.meta.url));
  const out: PersonSentence[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (raw.trim() === '' || raw.startsWith('#')) return;
      const src = raw.replace(/\\n/g, '\n');
      let text = '';
      let at = 0;
      const names: PersonSentence['names'] = [];
      for (const m of src.matchAll(MARK)) {
        text += src.slice(at, m.index);
        const value = m[1] ?? '';
        names.push({ start: text.length, end: text.length + value.length, value });
        text += value;
        at = m.index + m[0].length;
      }
      out.push({ line: i + 1, text: text + src.slice(at), names });
    });
  return out;
}

export const personPositives = (): PersonSentence[] => load('persons.txt');
export const personNegatives = (): PersonSentence[] => load('person-negatives.txt');
/** Written after tuning and never tuned on: positives and negatives mixed. */
export const personHeldout = (): PersonSentence[] => load('person-heldout.txt');

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f2: number;
  /** False positives in sentences that hold no name. */
  negativeHits: number;
  misses: string[];
  falsePositives: string[];
}

type Detector = (text: string) => { start: number; end: number; value: string }[];

/**
 * Exact-span scoring: a detection counts only if its start and end match a label. Default sets:
 * persons.txt and person-negatives.txt.
 */
export function score(
  detect: Detector,
  sets: readonly (readonly [string, PersonSentence[]])[] = [
    ['persons', personPositives()],
    ['negatives', personNegatives()],
  ],
): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let negativeHits = 0;
  const misses: string[] = [];
  const falsePositives: string[] = [];
  for (const [file, sentences] of sets) {
    for (const s of sentences) {
      const want = new Map(s.names.map((n) => [`${n.start}:${n.end}`, n.value]));
      for (const e of detect(s.text)) {
        if (want.delete(`${e.start}:${e.end}`)) tp++;
        else {
          fp++;
          if (s.names.length === 0) negativeHits++;
          falsePositives.push(`${file}:${s.line} ${JSON.stringify(e.value)}`);
        }
      }
      for (const value of want.values()) {
        fn++;
        misses.push(`${file}:${s.line} ${JSON.stringify(value)}`);
      }
    }
  }
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  const f2 = (5 * precision * recall) / (4 * precision + recall);
  return { tp, fp, fn, precision, recall, f2, negativeHits, misses, falsePositives };
}
