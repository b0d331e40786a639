import type { Entity } from '../types';
import { step } from './work';

// Where a URL may start: a scheme we treat as a link, or a bare "www." host.
const START = /(?<![A-Za-z0-9+.-])(?:https?:\/\/|ftps?:\/\/|www\.)/gi;
/** URLs are cut at this length: longer ones are nearly always attacks or data blobs. */
export const URL_MAX = 8192;

// Query parameter (or fragment parameter) names that carry a credential or a capability.
const SECRET_PARAM =
  /^(?:.*[_.-])?(?:token|access[_-]?token|id[_-]?token|refresh[_-]?token|auth|authorization|key|api[_-]?key|apikey|secret|client[_-]?secret|password|passwd|pwd|pass|sig|signature|x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential|credential|session|sessionid|sid|jwt|code|otp)$/i;

/** Cheap pre-test: any URL start in the text at all. */
export function mayHaveUrl(text: string): boolean {
  return text.includes('://') || /www\./i.test(text);
}

/**
 * http(s), ftp(s) and "www." URLs. A URL with credentials (`user:pass@`, or a long token as user) or
 * with a credential-like query parameter (token, key, sig, password, X-Amz-Signature, ...) is returned
 * as SECRET (the whole URL is the capability); any other URL as URL. Trailing sentence punctuation
 * and unbalanced closing brackets are not part of the URL.
 * Linear: every character is read once (the next start is searched after the previous URL's end).
 */
export function detectUrls(text: string, want: { url: boolean; secret: boolean }): Entity[] {
  const out: Entity[] = [];
  START.lastIndex = 0;
  for (let m = START.exec(text); m !== null; m = START.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    const limit = Math.min(text.length, start + URL_MAX);
    while (end < limit && isUrlChar(text.charCodeAt(end))) end++;
    step(end - start + 1);
    end = trimEnd(text, start + m[0].length, end);
    START.lastIndex = end;
    const url = text.slice(start, end);
    const hostStart = m[0].length;
    if (!hostValid(url, hostStart)) continue;
    const type = isSecretUrl(url, hostStart) ? 'SECRET' : 'URL';
    if (type === 'SECRET' ? want.secret : want.url) out.push({ type, start, end, value: url });
  }
  return out;
}

// RFC 3986 characters plus other non-ASCII (IRIs); stops at space, quotes, angle brackets, ...
// CJK text often follows a link without a space, so ideographs, kana, Hangul and their
// punctuation end a URL (IRIs with such paths are cut there; the host part is still covered).
function isUrlChar(c: number): boolean {
  if (c >= 0x80)
    return !(
      (c >= 0x2000 && c <= 0x206f) ||
      (c >= 0x2e80 && c <= 0x9fff) ||
      (c >= 0xac00 && c <= 0xd7af) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      c === 0xfeff
    );
  if (c <= 32 || c === 34 || c === 60 || c === 62 || c === 92 || c === 94 || c === 96 || c === 123 || c === 124 || c === 125) return false;
  return true;
}

const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '*', '_', '~']);

// Drops trailing punctuation and closing brackets that have no opening one inside the URL.
function trimEnd(text: string, min: number, end: number): number {
  const open = { ')': 0, ']': 0 };
  const close = { ')': 0, ']': 0 };
  for (let i = min; i < end; i++) {
    const ch = text[i];
    if (ch === '(') open[')']++;
    else if (ch === '[') open[']']++;
    else if (ch === ')' || ch === ']') close[ch]++;
  }
  let e = end;
  while (e > min) {
    const ch = text[e - 1] ?? '';
    if (TRAILING.has(ch)) e--;
    else if ((ch === ')' || ch === ']') && close[ch] > open[ch]) {
      close[ch]--;
      e--;
    } else break;
  }
  return e;
}

// The authority must name a host: a dotted name, "localhost", an IPv4 or a bracketed IPv6.
function hostValid(url: string, from: number): boolean {
  const authorityEnd = firstOf(url, from, '/?#');
  const authority = url.slice(from, authorityEnd);
  const host = authority.slice(authority.lastIndexOf('@') + 1).replace(/:\d{1,5}$/, '');
  if (host.startsWith('[')) return host.endsWith(']') && host.length > 3;
  if (host.toLowerCase() === 'localhost') return true;
  const labels = host.split('.');
  return (
    labels.length >= 2 &&
    labels.every((l) => l.length > 0 && l.length <= 63) &&
    /^(?:[\p{L}]{2,24}|xn--[a-z0-9-]+|\d{1,3})$/iu.test(labels[labels.length - 1] ?? '')
  );
}

function firstOf(s: string, from: number, chars: string): number {
  for (let i = from; i < s.length; i++) if (chars.includes(s[i] ?? '')) return i;
  return s.length;
}

function isSecretUrl(url: string, from: number): boolean {
  const authorityEnd = firstOf(url, from, '/?#');
  const at = url.lastIndexOf('@', authorityEnd);
  if (at >= from) {
    const userinfo = url.slice(from, at);
    // user:password, or a bare user that is really a token (GitHub/GitLab "https://<token>@host").
    if (userinfo.includes(':') || (userinfo.length >= 20 && /\d/.test(userinfo) && /[A-Za-z]/.test(userinfo))) return true;
  }
  const q = firstOf(url, authorityEnd, '?#');
  if (q >= url.length) return false;
  for (const pair of url.slice(q + 1).split(/[&;#?]/)) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || eq === pair.length - 1) continue;
    let name = pair.slice(0, eq);
    try {
      name = decodeURIComponent(name);
    } catch {
      // Malformed escapes: judge the raw name.
    }
    if (SECRET_PARAM.test(name) && pair.length - eq - 1 >= 4) return true;
  }
  return false;
}
