import type { Entity } from '../types';
import { IBAN_LENGTHS, ibanValid } from './validators';

// Country, check digits, then 11-30 alphanumerics with optional single spaces (printed groups of 4).
const CANDIDATE = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}/g;

/** IBANs in compact or grouped form, validated by country length and ISO 7064 mod-97. */
export function detectIbans(text: string): Entity[] {
  const out: Entity[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    const expected = IBAN_LENGTHS[m[0].slice(0, 2)];
    if (expected === undefined) continue;
    // Walk the raw match until `expected` alphanumerics are consumed, so a trailing capitalised word is dropped.
    let count = 0;
    let end = 0;
    for (; end < m[0].length && count < expected; end++) if (m[0][end] !== ' ') count++;
    if (count !== expected) continue;
    const raw = m[0].slice(0, end);
    const stop = m.index + end;
    if (/[A-Za-z0-9]/.test(text[stop] ?? '')) continue;
    if (!ibanValid(raw.replace(/ /g, ''))) continue;
    out.push({ type: 'IBAN', start: m.index, end: stop, value: raw });
    CANDIDATE.lastIndex = stop;
  }
  return out;
}
