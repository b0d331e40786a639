import type { Entity } from '../types';
import type { NumberRun } from './number-runs';
import { ssnValid } from './validators';

const CUE = /\b(?:ssn|social security(?: number| no\.?| #)?|ss#|tin)\s*(?:#|no\.?|number)?\s*(?:is|:|=)?\s*$/i;
// Words that say a bare 9-digit number is something else: an order, account, phone, amount, ...
const OTHER_NUMBER =
  /(?:\b(?:order|invoice|inv|ref|reference|id|ticket|case|tracking|account|acct|routing|aba|zip|postcode|phone|tel|fax|call|isbn|sku|serial|item|part|code|pin|otp|po|batch|lot|build|version|v|rev|no|nr|number|total|amount|balance|price|row|rows|page|port|pid|uid|gid|seed|epoch|timestamp|bytes|size)\b[^\n\d]{0,12}|[#$€£¥:=])\s*$/i;
const UNIT_AFTER = /^\s?(?:%|ms|s\b|sec|bytes?|kb|mb|gb|km|kg|m\b|rows?|times|x\b|usd|eur|gbp|\$|€)/i;

/**
 * US SSNs: "123-45-6789" or "123 45 6789", and an undelimited 9-digit run that passes the SSA rules
 * when it is not part of a longer number and no other kind of number is named right before it
 * ("order", "account", "id", "#", currency, ...). After "SSN"/"social security" a bare run always counts.
 */
export function detectSsn(text: string, runs: readonly NumberRun[]): Entity[] {
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
      const cued = CUE.test(before);
      if (cued || (!OTHER_NUMBER.test(before) && !UNIT_AFTER.test(text.slice(run.end, run.end + 6)) && !inLongerNumber(text, run))) {
        parts = [g[0].slice(0, 3), g[0].slice(3, 5), g[0].slice(5)];
      }
    }
    if (parts && ssnValid(...parts)) {
      out.push({ type: 'SSN', start: run.start, end: run.end, value: text.slice(run.start, run.end) });
    }
  }
  return out;
}

// "12,345,678 9" or "1.234 567890": digits joined by a comma or another number right next to it.
function inLongerNumber(text: string, run: NumberRun): boolean {
  const b = text.charCodeAt(run.start - 1);
  const a = text.charCodeAt(run.end);
  const digit = (c: number) => c >= 48 && c <= 57;
  return ((b === 44 || b === 46) && digit(text.charCodeAt(run.start - 2))) || ((a === 44 || a === 46) && digit(text.charCodeAt(run.end + 1)));
}
