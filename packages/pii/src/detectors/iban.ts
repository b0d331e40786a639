import type { Entity } from '../types';
import { IBAN_LENGTHS, ibanValid } from './validators';
import { step } from './work';

// Start of a candidate: two letters and two digits, not glued to a word before. Any letter case.
const START = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}/g;

// IBAN length by country code, indexed by (letter1 * 26 + letter2): no string built per candidate.
const LENGTH_BY_CODE = new Uint8Array(26 * 26);
for (const [country, length] of Object.entries(IBAN_LENGTHS)) {
  LENGTH_BY_CODE[(country.charCodeAt(0) - 65) * 26 + (country.charCodeAt(1) - 65)] = length;
}

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * IBANs of every registered country, in any letter case, compact or grouped with spaces or dashes
 * (one kind of separator, single, between any characters): "DE89 3704 ...", "de89370400440532013000",
 * "DE89-3704-0044-...". Validated by the registry's length and BBAN structure, then mod-97.
 * Linear: each start walks at most 2 * 34 characters.
 */
export function detectIbans(text: string): Entity[] {
  const out: Entity[] = [];
  START.lastIndex = 0;
  for (let m = START.exec(text); m !== null; m = START.exec(text)) {
    const start = m.index;
    const expected = LENGTH_BY_CODE[((text.charCodeAt(start) | 32) - 97) * 26 + ((text.charCodeAt(start + 1) | 32) - 97)] ?? 0;
    if (expected === 0) continue;
    let compact = '';
    let sep = 0;
    let i = start;
    // Walk until `expected` alphanumerics are consumed, so a trailing word after the groups is left alone.
    while (i < text.length && compact.length < expected) {
      const c = text.charCodeAt(i);
      if (isAlnum(c)) {
        compact += text[i];
        i++;
        continue;
      }
      if ((c === 32 || c === 45) && (sep === 0 || sep === c) && compact.length >= 4 && isAlnum(text.charCodeAt(i + 1))) {
        sep = c;
        i++;
        continue;
      }
      break;
    }
    step(i - start + 1);
    if (compact.length !== expected || isAlnum(text.charCodeAt(i))) continue;
    if (!ibanValid(compact.toUpperCase())) continue;
    out.push({ type: 'IBAN', start, end: i, value: text.slice(start, i) });
    START.lastIndex = i;
  }
  return out;
}
