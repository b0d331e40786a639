import type { Entity } from '../types';
import { charKind, domainValid, LOCAL_MAX } from './email-chars';
import { step } from './work';

// " [at] ", "(at)", "{AT}", "<at>": the bracket is what makes it an address and not the word "at".
const AT_MARK = /[ \t]?[[({<][ \t]?at[ \t]?[\])}>][ \t]?/gi;
const DOT_MARK = /[ \t]?[[({<][ \t]?dot[ \t]?[\])}>][ \t]?/iy;

/**
 * Addresses written to dodge scrapers: "jane [at] example [dot] com", "jane(at)example(dot)com",
 * "jane{at}example.com". The bare "jane at example dot com" is not matched: without brackets "at"
 * and "dot" are ordinary words ("look at google dot com"), and precision would suffer.
 */
export function detectObfuscatedEmails(text: string): Entity[] {
  const out: Entity[] = [];
  AT_MARK.lastIndex = 0;
  for (let m = AT_MARK.exec(text); m !== null; m = AT_MARK.exec(text)) {
    step();
    const at = m.index;
    let s = at;
    while (s > 0 && at - s < LOCAL_MAX) {
      const k = charKind(text, s - 1);
      if (k === 'other') break;
      s--;
    }
    while (s < at && text[s] === '.') s++;
    const local = text.slice(s, at);
    if (local.length === 0 || local.endsWith('.') || local.includes('..') || charKind(text, s - 1) !== 'other') continue;
    const domain = readDomain(text, at + m[0].length);
    if (domain === undefined || !domainValid(domain.plain)) continue;
    out.push({ type: 'EMAIL', start: s, end: domain.end, value: text.slice(s, domain.end) });
    AT_MARK.lastIndex = domain.end;
  }
  return out;
}

// Labels joined by '.' or a [dot] mark; returns the domain as plain text and where it ends.
function readDomain(text: string, from: number): { plain: string; end: number } | undefined {
  const labels: string[] = [];
  let i = from;
  let end = from;
  while (labels.length < 127) {
    let j = i;
    while (j < text.length && j - i < 63) {
      const c = text.charCodeAt(j);
      const k = charKind(text, j);
      if (!(k === 'latin' || k === 'script' || c === 45 || (c >= 48 && c <= 57))) break;
      j++;
    }
    step(j - i + 1);
    if (j === i) break;
    labels.push(text.slice(i, j));
    end = j;
    if (text[j] === '.' && charKind(text, j + 1) !== 'other') {
      i = j + 1;
      continue;
    }
    DOT_MARK.lastIndex = j;
    const dot = DOT_MARK.exec(text);
    if (dot === null) break;
    i = j + dot[0].length;
  }
  return labels.length >= 2 ? { plain: labels.join('.'), end } : undefined;
}
