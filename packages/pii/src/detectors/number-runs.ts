import { isStandalone } from './boundary';

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

// Alternatives start with disjoint classes (separator vs digit), so matching is linear: no backtracking.
const RUN = /\+?\(?\d(?:[ .\-\u00a0()/]{1,3}\d|\d)*/g;
// A whitespace-delimited piece that is a number on its own: punctuated ("123-45-6789") or long.
const SELF_CONTAINED = /[-.()/+]|\d{7}/;

// Hand-rolled split: this runs for every number in the text, so it avoids regex allocations.
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

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Finds number runs that are not glued to a longer word (UUIDs, SHAs, tracking codes). A run such
 * as "123-45-6789 4111111111111111" is also offered as its self-contained pieces, so two numbers
 * written side by side are each seen; overlap resolution later keeps the best reading.
 */
export function findNumberRuns(text: string): NumberRun[] {
  const runs: NumberRun[] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m !== null; m = RUN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    // Pieces are checked even when the whole run is glued to a word ("…A00 4111111111111111").
    if (isStandalone(text, start, end)) runs.push(makeRun(text, start, end));
    if (m[0].includes(' ')) pushPieces(text, m[0], start, runs);
  }
  return runs;
}

function pushPieces(text: string, raw: string, offset: number, runs: NumberRun[]): void {
  const pieces: { start: number; end: number; strong: boolean }[] = [];
  for (const p of raw.matchAll(/\S+/g)) {
    pieces.push({ start: offset + p.index, end: offset + p.index + p[0].length, strong: SELF_CONTAINED.test(p[0]) });
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
    const s = first.start;
    const e = last.end;
    if ((s !== offset || e !== offset + raw.length) && /\d$/.test(text.slice(s, e)) && isStandalone(text, s, e)) {
      runs.push(makeRun(text, s, e));
    }
    i = j + 1;
  }
}
