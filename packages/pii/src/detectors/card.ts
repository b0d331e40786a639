import type { Entity } from '../types';
import type { NumberRun } from './number-runs';
import { cardIssuer, luhnValid } from './validators';

// Groupings printed on real cards and receipts; anything else (e.g. 3-3-4 or dotted) is not a card.
const GROUPINGS = new Set(['4-4-4-4', '4-6-5', '4-6-4', '4-4-4-4-3', '4-4-4-1', '4-4-4-2', '4-4-4-3', '4-4-4-4-1', '4-4-4-4-2']);

/** Credit/debit card numbers: 12-19 digits, card-like grouping, known issuer prefix and length, Luhn. */
export function detectCards(text: string, runs: NumberRun[]): Entity[] {
  const out: Entity[] = [];
  for (const run of runs) {
    if (run.digitCount < 12 || run.digitCount > 19 || run.plus || run.raw.startsWith('(')) continue;
    const digits = run.groups.join('');
    if (run.groups.length > 1) {
      const sep = run.separators[0];
      if (sep !== ' ' && sep !== '-') continue;
      if (run.separators.some((s) => s !== sep)) continue;
      if (!GROUPINGS.has(run.groups.map((g) => g.length).join('-'))) continue;
    }
    if (cardIssuer(digits) === undefined || !luhnValid(digits)) continue;
    out.push({ type: 'CREDIT_CARD', start: run.start, end: run.end, value: text.slice(run.start, run.end) });
  }
  return out;
}
