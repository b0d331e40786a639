import { ENTITY_TYPES, type EntityType } from './types';

/** "<EMAIL_3>" */
export function formatToken(type: EntityType, n: number): string {
  return `<${type}_${n}>`;
}

const TYPES = ENTITY_TYPES.join('|');
/** Matches pseudonym tokens. Tokens never contain '<' after the first char, so matches cannot overlap. */
export const TOKEN_PATTERN = new RegExp(`<(?:${TYPES})_[1-9]\\d{0,8}>`, 'g');

/** Longest possible token: '<' + longest type + '_' + 9 digits + '>'. */
export const MAX_TOKEN_LENGTH = 1 + Math.max(...ENTITY_TYPES.map((t) => t.length)) + 1 + 9 + 1;

/** True when `s` (starting with '<') could still grow into a token with more input. */
export function isTokenPrefix(s: string): boolean {
  if (s.length === 0 || s[0] !== '<' || s.length >= MAX_TOKEN_LENGTH) return false;
  const body = s.slice(1);
  return ENTITY_TYPES.some((t) => {
    const head = `${t}_`;
    if (head.startsWith(body)) return true;
    if (!body.startsWith(head)) return false;
    const digits = body.slice(head.length);
    return /^(?:[1-9]\d{0,8})?$/.test(digits);
  });
}
