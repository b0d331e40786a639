import { hmacHex } from './crypto';
import type { EntityType } from './types';

/** "[EMAIL]" */
export function redactToken(type: EntityType): string {
  return `[${type}]`;
}

/** Every letter and digit but the last four become '*'; separators stay so the shape is readable. */
export function maskValue(value: string): string {
  let keep = 4;
  const chars = [...value];
  for (let i = chars.length - 1; i >= 0; i--) {
    const ch = chars[i] ?? '';
    if (!/[\p{L}\p{N}]/u.test(ch)) continue;
    if (keep > 0) keep--;
    else chars[i] = '*';
  }
  return chars.join('');
}

/** "[EMAIL:1f2e3d4c5b6a7980]": keyed HMAC-SHA256 (first 64 bits), stable for one key, useless without it. */
export function hashValue(key: Buffer, type: EntityType, value: string): string {
  return `[${type}:${hmacHex(key, `${type}\u0000${value}`).slice(0, 16)}]`;
}
