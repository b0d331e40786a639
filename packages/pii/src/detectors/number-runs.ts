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
const MAX_RUN_DIGITS = 19;

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
const DIGIT = /[0-9]/g;
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
    // The engine's scan for the next digit is several times faster than a charCodeAt loop.
    DIGIT.lastIndex = i;
    if (!DIGIT.test(text)) break;
    i = DIGIT.lastIndex - 1;
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
      if (isStandalone(text, start, j)) {
        // No consumer takes more than 19 digits; a '+' run that long only matters for its phone prefix.
        if (digits <= MAX_RUN_DIGITS) runs.push(makeRun(text, start, j));
        else if (text.charCodeAt(start) === 43) runs.push({ ...makeRun(text, start, prefixEnd(text, start)), digitCount: digits });
      }
      if (hasSpace) pushPieces(text, start, j, runs);
    }
    i = j;
  }
  return runs;
}

// End of the first 64 characters of a run, moved back to a digit (the phone prefix is read from there).
function prefixEnd(text: string, start: number): number {
  let e = Math.min(text.length, start + 64);
  while (e > start && !isDigitCode(text.charCodeAt(e - 1))) e--;
  return e;
}

// A whitespace-delimited piece that is a number on its own: punctuated ("123-45-6789") or 7+ digits in a row.
function isStrong(text: string, s: number, e: number): boolean {
  let row = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (isDigitCode(c)) {
      if (++row >= 7) return true;
    } else {
      row = 0;
      if (c === 45 || c === 46 || c === 40 || c === 41 || c === 47 || c === 43) return true;
    }
  }
  return false;
}

/**
 * Offers the self-contained pieces of a space-separated run: strong pieces stand alone, consecutive
 * weak pieces ("4111 1111 1111 1111") stay together. Streams over the pieces without keeping them.
 */
function pushPieces(text: string, from: number, to: number, runs: NumberRun[]): void {
  // First pass: is there any strong piece at all? (Most spaced runs are plain grouped numbers.)
  let anyStrong = false;
  let count = 0;
  forEachPiece(text, from, to, (s, e) => {
    count++;
    if (!anyStrong && isStrong(text, s, e)) anyStrong = true;
  });
  if (count < 2 || !anyStrong) return;
  let groupStart = -1;
  let groupEnd = -1;
  const flush = () => {
    if (groupStart >= 0) offer(text, groupStart, groupEnd, from, to, runs);
    groupStart = -1;
  };
  forEachPiece(text, from, to, (s, e) => {
    if (isStrong(text, s, e)) {
      flush();
      offer(text, s, e, from, to, runs);
    } else {
      if (groupStart < 0) groupStart = s;
      groupEnd = e;
    }
  });
  flush();
}

function forEachPiece(text: string, from: number, to: number, fn: (s: number, e: number) => void): void {
  let s = from;
  for (let i = from; i <= to; i++) {
    if (i === to || text.charCodeAt(i) === 32) {
      if (i > s) fn(s, i);
      s = i + 1;
    }
  }
}

function offer(text: string, s: number, e: number, from: number, to: number, runs: NumberRun[]): void {
  if ((s !== from || e !== to) && e - s <= 80 && isDigitCode(text.charCodeAt(e - 1)) && isStandalone(text, s, e)) runs.push(makeRun(text, s, e));
}
