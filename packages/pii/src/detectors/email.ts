import type { Entity } from '../types';

// Bounded quantifiers and a boundary lookbehind keep this linear: each start is tried once, for at most ~320 chars.
const CANDIDATE = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{3,253}/g;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

/** Email addresses: RFC-ish local part, domain of valid labels with an alphabetic TLD. */
export function detectEmails(text: string): Entity[] {
  const out: Entity[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    let start = m.index;
    let value = m[0];
    // Trim sentence punctuation off the domain and leading dots off the local part.
    value = value.replace(/[.-]+$/, '');
    const lead = /^\.+/.exec(value)?.[0].length ?? 0;
    start += lead;
    value = value.slice(lead);
    const at = value.indexOf('@');
    const local = value.slice(0, at);
    const labels = value.slice(at + 1).split('.');
    if (local.length === 0 || local.endsWith('.') || local.includes('..')) continue;
    if (labels.length < 2 || !labels.every((l) => LABEL.test(l) && l.length <= 63)) continue;
    if (!/^[A-Za-z]{2,24}$/.test(labels[labels.length - 1] ?? '')) continue;
    // "scheme://user:pass@host" is a credentialed URL (a SECRET), not an address.
    if (text[start - 1] === ':' && /:\/\/[^\s/@]*:$/.test(text.slice(Math.max(0, start - 300), start))) continue;
    out.push({ type: 'EMAIL', start, end: start + value.length, value });
  }
  return out;
}
