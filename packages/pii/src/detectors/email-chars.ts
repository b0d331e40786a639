// Character classes for email scanning, by code unit (no regex per ASCII character).

/** latin: a Latin letter; script: a letter of another script; neutral: digit or . _ % + -; other: stops a part. */
export type Kind = 'latin' | 'script' | 'neutral' | 'other';

export const LOCAL_MAX = 64;
export const DOMAIN_MAX = 253;

const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const MARK = /^\p{M}$/u;

export function charKind(text: string, i: number): Kind {
  const c = text.charCodeAt(i);
  if (Number.isNaN(c)) return 'other';
  if (c < 0x80) {
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return 'latin';
    if ((c >= 48 && c <= 57) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45) return 'neutral';
    return 'other';
  }
  if (c >= 0xd800 && c <= 0xdfff) return 'other';
  const ch = text[i] ?? '';
  if (!LETTER_OR_MARK.test(ch)) return 'other';
  if (MARK.test(ch)) return 'neutral';
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) return 'latin';
  return 'script';
}

const ASCII_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const IDN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;
const TLD = /^(?:[A-Za-z]{2,24}|xn--[A-Za-z0-9-]{1,59}|\p{L}[\p{L}\p{M}]{1,23})$/u;

/** Domain of an address: two or more valid labels (ASCII or IDN) and an alphabetic or punycode TLD. */
export function domainValid(domain: string): boolean {
  if (domain.length < 3 || domain.length > DOMAIN_MAX) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const l of labels) if (!(ASCII_LABEL.test(l) || IDN_LABEL.test(l))) return false;
  return TLD.test(labels[labels.length - 1] ?? '');
}
