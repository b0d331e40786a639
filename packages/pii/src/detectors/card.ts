import type { Entity } from '../types';
import type { NumberRun } from './number-runs';
import { cardIssuer, luhnValid } from './validators';

// Groupings printed on cards, receipts and forms (Amex/UATP 4-6-5 and 4-5-6, Diners 4-6-4, 19-digit
// 4-4-4-4-3, ...). Other groupings (3-3-4 phones, 2-1-5-4 versions) are not cards.
const GROUPINGS = new Set([
  '4-4-4-4',
  '4-6-5',
  '4-6-4',
  '4-5-6',
  '4-4-5',
  '4-4-4-4-3',
  '4-4-4-1',
  '4-4-4-2',
  '4-4-4-3',
  '4-4-4-4-1',
  '4-4-4-4-2',
  '4-4-4-7',
  '6-13',
]);
// One separator, the same between every group: space, dash, dot or slash (no-break and thin spaces
// and Unicode dashes arrive here unified by the normalized view), optionally padded: "4111 - 1111".
const SEPARATORS = new Set([' ', '-', '.', '/', ' - ', ' / ', ' . ']);

/** Credit/debit card numbers: 12-19 digits, card-like grouping, known issuer prefix and length, Luhn. */
export function detectCards(text: string, runs: readonly NumberRun[]): Entity[] {
  const out: Entity[] = [];
  for (const run of runs) {
    if (run.digitCount < 12 || run.digitCount > 19 || run.plus || run.raw.startsWith('(')) continue;
    const digits = run.groups.join('');
    if (run.groups.length > 1) {
      const sep = run.separators[0] ?? '';
      if (!SEPARATORS.has(sep) || run.separators.some((s) => s !== sep)) continue;
      if (!GROUPINGS.has(run.groups.map((g) => g.length).join('-'))) continue;
    }
    if (cardIssuer(digits) === undefined || !luhnValid(digits)) continue;
    out.push({ type: 'CREDIT_CARD', start: run.start, end: run.end, value: text.slice(run.start, run.end) });
  }
  return out;
}
