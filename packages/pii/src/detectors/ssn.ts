import type { Entity } from '../types';
import type { NumberRun } from './number-runs';
import { ssnValid } from './validators';

const CONTEXT = /\b(?:ssn|social security(?: number| no\.?| #)?|ss#|tin)\s*(?:#|no\.?|number)?\s*(?:is|:|=)?\s*$/i;

/** US SSNs: "123-45-6789" or "123 45 6789"; an undelimited 9-digit run only right after "SSN"/"social security". */
export function detectSsn(text: string, runs: NumberRun[]): Entity[] {
  const out: Entity[] = [];
  for (const run of runs) {
    if (run.digitCount !== 9 || run.plus || run.raw.startsWith('(')) continue;
    const g = run.groups;
    let parts: [string, string, string] | undefined;
    if (g.length === 3 && g[0]?.length === 3 && g[1]?.length === 2 && g[2]?.length === 4) {
      const sep = run.separators[0];
      if ((sep === '-' || sep === ' ') && run.separators[1] === sep) parts = [g[0], g[1], g[2]];
    } else if (g.length === 1 && g[0]?.length === 9) {
      const before = text.slice(Math.max(0, run.start - 40), run.start);
      if (CONTEXT.test(before)) parts = [g[0].slice(0, 3), g[0].slice(3, 5), g[0].slice(5)];
    }
    if (parts && ssnValid(...parts)) {
      out.push({ type: 'SSN', start: run.start, end: run.end, value: text.slice(run.start, run.end) });
    }
  }
  return out;
}
