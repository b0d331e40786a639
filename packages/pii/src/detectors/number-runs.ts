import { isStandalone } from './boundary';

/** A maximal run of digits joined by short separators, e.g. "+1 (415) 555-2671" or "4111 1111 1111 1111". */
export interface NumberRun {
  start: number;
  end: number;
  raw: string;
  /** The digit groups between separators. */
  groups: string[];
  /** The separator strings between groups (groups.length - 1 of them). */
  separators: string[];
  /** True when the run starts with '+'. */
  plus: boolean;
}

// Alternatives start with disjoint classes (separator vs digit), so matching is linear: no backtracking.
const RUN = /\+?\(?\d(?:[ .\-\u00a0()/]{1,3}\d|\d)*/g;
const SPLIT = /[^\d]+/g;

/** Finds number runs that are not glued to a longer word (UUIDs, SHAs, tracking codes). */
export function findNumberRuns(text: string): NumberRun[] {
  const runs: NumberRun[] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m !== null; m = RUN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isStandalone(text, start, end)) continue;
    const raw = m[0];
    const body = raw.replace(/^\+?\(?/, '');
    const groups = body.split(SPLIT);
    const separators = body.match(SPLIT) ?? [];
    runs.push({ start, end, raw, groups, separators, plus: raw.startsWith('+') });
  }
  return runs;
}
