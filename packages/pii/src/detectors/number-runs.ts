import { isStandalone } from './boundary';
import { step } from './work';

/** A run of digits joined by short separators, e.g. "+1 (415) 555-2671" or "4111 1111 1111 1111". */
export interface NumberRun {
  start: number;
  end: number;
  raw: string;
  /** The digit groups between separators. */
  groups: string[];
  /** The separator strings between groups (groups.length - 1 of them). */
  separators: string[];
  /** Number of digits in all groups. */
  digitCount: number;
  /** True when the run starts with '+'. */
  plus: boolean;
}

/** Runs with fewer digits are of no interest to any consumer (phones need 7, SSNs 9, cards 12). */
export const MIN_RUN_DIGITS = 7;

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
// Separators inside a run: space . - ( ) / (Unicode spaces and dashes are unified by the normalized view).
const isSepCode = (c: number): boolean => c === 32 || c === 46 || c === 45 || c === 40 || c === 41 || c === 47;

// Hand-rolled split: this runs for every long number in the text, so it avoids regex allocations.
function makeRun(text: string, start: number, end: number): NumberRun {
  const raw = text.slice(start, end);
  let i = 0;
  if (raw[i] === '+') i++;
  if (raw[i] === '(') i++;
  const groups: string[] = [];
  const separators: string[] = [];
  let digitCount = 0;
  while (i < raw.length) {
    let j = i;
    while (j < raw.length && isDigitCode(raw.charCodeAt(j))) j++;
    groups.push(raw.slice(i, j));
    digitCount += j - i;
    if (j >= raw.length) break;
    let k = j;
    while (k < raw.length && !isDigitCode(raw.charCodeAt(k))) k++;
    separators.push(raw.slice(j, k));
    i = k;
  }
  return { start, end, raw, groups, separators, digitCount, plus: raw.startsWith('+') };
}

/**
 * Finds number runs (`+? (? digit ( sep{1,3} digit | digit )*`, one left-to-right pass, no regex)
 * with at least MIN_RUN_DIGITS digits that are not glued to a longer word (UUIDs, SHAs, tracking
 * codes). A run such as "123-45-6789 4111111111111111" is also offered as its self-contained pieces,
 * so two numbers written side by side are each seen; overlap resolution later keeps the best reading.
 */
export function findNumberRuns(text: string): NumberRun[] {
  const runs: NumberRun[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigitCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let start = i;
    if (text.charCodeAt(start - 1) === 40) start--;
    if (text.charCodeAt(start - 1) === 43) start--;
    let digits = 0;
    let hasSpace = false;
    let j = i;
    for (;;) {
      while (j < n && isDigitCode(text.charCodeAt(j))) {
        j++;
        digits++;
      }
      let k = j;
      while (k < n && k - j < 4 && isSepCode(text.charCodeAt(k))) k++;
      if (k === j || k - j > 3 || !isDigitCode(text.charCodeAt(k))) break;
      for (let s = j; s < k; s++) if (text.charCodeAt(s) === 32) hasSpace = true;
      j = k;
    }
    step(j - i + 1);
    if (digits >= MIN_RUN_DIGITS) {
      if (isStandalone(text, start, j)) runs.push(makeRun(text, start, j));
      if (hasSpace) pushPieces(text, start, j, runs);
    }
    i = j;
  }
  return runs;
}

// A whitespace-delimited piece that is a number on its own: punctuated ("123-45-6789") or long.
const SELF_CONTAINED = /[-.()/+]|\d{7}/;

function pushPieces(text: string, from: number, to: number, runs: NumberRun[]): void {
  const pieces: { start: number; end: number; strong: boolean }[] = [];
  let s = from;
  for (let i = from; i <= to; i++) {
    if (i === to || text.charCodeAt(i) === 32) {
      if (i > s) pieces.push({ start: s, end: i, strong: SELF_CONTAINED.test(text.slice(s, i)) });
      s = i + 1;
    }
  }
  if (pieces.length < 2 || !pieces.some((p) => p.strong)) return;
  // Strong pieces stand alone; consecutive weak pieces ("4111 1111 1111 1111") stay together.
  let i = 0;
  while (i < pieces.length) {
    const first = pieces[i];
    if (first === undefined) break;
    let j = i;
    if (!first.strong) while (pieces[j + 1] !== undefined && pieces[j + 1]?.strong === false) j++;
    const last = pieces[j] ?? first;
    const e = last.end;
    if ((first.start !== from || e !== to) && isDigitCode(text.charCodeAt(e - 1)) && isStandalone(text, first.start, e)) {
      runs.push(makeRun(text, first.start, e));
    }
    i = j + 1;
  }
}
