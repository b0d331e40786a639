import { ENTITY_TYPES, type EntityType } from './types';

/**
 * "<EMAIL_4821931>": the type, then the scope's vault epoch (6 digits, see vault.ts) followed by the
 * per-type counter. Digits only after the underscore, so every consumer of the `<TYPE_n>` shape
 * (cache canonicalization, the simulator) reads it unchanged. Without an epoch: "<EMAIL_3>" (tokens
 * minted before epochs existed look like this and still restore).
 */
export function formatToken(type: EntityType, n: number, epoch = ''): string {
  return `<${type}_${epoch}${n}>`;
}

/** Digits after the underscore: up to 6 of epoch and 9 of counter. */
const MAX_NUMBER_DIGITS = 15;
const TYPES = ENTITY_TYPES.join('|');
/** Matches pseudonym tokens. Tokens never contain '<' after the first char, so matches cannot overlap. */
export const TOKEN_PATTERN = new RegExp(`<(?:${TYPES})_[1-9]\\d{0,${MAX_NUMBER_DIGITS - 1}}>`, 'g');
/** One whole token (for values read back from the vault store). */
export const TOKEN_SHAPE = new RegExp(`^<(?:${TYPES})_[1-9]\\d{0,${MAX_NUMBER_DIGITS - 1}}>$`);

/** Longest possible token: '<' + longest type + '_' + 15 digits + '>'. */
export const MAX_TOKEN_LENGTH = 1 + Math.max(...ENTITY_TYPES.map((t) => t.length)) + 1 + MAX_NUMBER_DIGITS + 1;

const DIGITS = new RegExp(`^(?:[1-9]\\d{0,${MAX_NUMBER_DIGITS - 1}})?$`);

/** True when `s` (starting with '<') could still grow into a token with more input. */
export function isTokenPrefix(s: string): boolean {
  if (s.length === 0 || s[0] !== '<' || s.length >= MAX_TOKEN_LENGTH) return false;
  const body = s.slice(1);
  return ENTITY_TYPES.some((t) => {
    const head = `${t}_`;
    if (head.startsWith(body)) return true;
    if (!body.startsWith(head)) return false;
    return DIGITS.test(body.slice(head.length));
  });
}
