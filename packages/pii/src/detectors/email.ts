import type { Entity } from '../types';
import { detectObfuscatedEmails } from './email-obfuscated';
import { charKind, domainValid, LOCAL_MAX, DOMAIN_MAX, type Kind } from './email-chars';
import { step } from './work';

/**
 * Email addresses, anchored on each '@': the local part is read backwards (at most 64 characters),
 * the domain forwards (at most 253), so the work is linear in the text. Internationalized addresses
 * (RFC 6531: Unicode letters in the local part, IDN domains) are accepted; one part may not switch
 * between Latin and another script, which keeps "请联系li.wei@example.cn获取" to the address itself.
 * Obfuscated forms ("jane [at] example [dot] com") come from email-obfuscated.ts.
 */
export function detectEmails(text: string): Entity[] {
  const out: Entity[] = [];
  let nextFrom = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    step();
    const found = emailAt(text, at, nextFrom);
    if (found) {
      out.push(found);
      nextFrom = found.end;
    }
  }
  if (text.includes('at')) out.push(...detectObfuscatedEmails(text));
  return out;
}

function emailAt(text: string, at: number, minStart: number): Entity | undefined {
  // Local part, backwards; stops at a non-local character, at a change of script, or after 64.
  let s = at;
  let script: Kind | undefined;
  let full = false;
  for (;;) {
    if (s <= minStart) break;
    if (at - s >= LOCAL_MAX) {
      full = true;
      break;
    }
    const k = charKind(text, s - 1);
    if (k === 'other') break;
    if (k !== 'neutral') {
      if (script !== undefined && script !== k) break;
      script = k;
    }
    s--;
  }
  step(at - s);
  // A local part longer than 64 is not an address (and not a shorter one inside it).
  if (full && charKind(text, s - 1) !== 'other') return undefined;
  while (s < at && text[s] === '.') s++;
  const local = text.slice(s, at);
  if (local.length === 0 || local.endsWith('.') || local.includes('..')) return undefined;

  // Domain, forwards: labels of letters, digits and hyphens (per-label script), joined by dots.
  let e = at + 1;
  script = undefined;
  while (e < text.length && e - at <= DOMAIN_MAX) {
    const c = text.charCodeAt(e);
    if (c === 46) {
      script = undefined;
      e++;
      continue;
    }
    const k = charKind(text, e);
    if (k !== 'latin' && k !== 'script' && c !== 45 && !(c >= 48 && c <= 57)) break;
    if (k === 'latin' || k === 'script') {
      if (script !== undefined && script !== k) break;
      script = k;
    }
    e++;
  }
  step(e - at);
  // Trim sentence punctuation off the end of the domain.
  while (e > at + 1 && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
  if (!domainValid(text.slice(at + 1, e))) return undefined;
  // "scheme://user:pass@host" is a credentialed URL (a SECRET), not an address.
  if (text[s - 1] === ':' && /:\/\/[^\s/@]*:$/.test(text.slice(Math.max(0, s - 300), s))) return undefined;
  return { type: 'EMAIL', start: s, end: e, value: text.slice(s, e) };
}
