import { isIPv6 } from 'node:net';
import type { Entity } from '../types';
import { step } from './work';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?!\\w|\\.\\d)`, 'g');
const VERSION_CONTEXT = /\b(?:version|release|build|ver\.|firmware|chrome|firefox|safari)\s*$/i;
/** Longest IPv6 text: 8 groups of 4 (39) or 6 groups and a dotted quad (45). */
const IPV6_MAX = 45;
const ZONE = /%[A-Za-z0-9._~-]{1,16}/y;

/** IPv4 (dotted quad, not after "version"/"build"/...) and IPv6 in every RFC 4291/5952 form. */
export function detectIps(text: string): Entity[] {
  const out: Entity[] = [];
  if (text.includes('.')) {
    IPV4.lastIndex = 0;
    for (let m = IPV4.exec(text); m !== null; m = IPV4.exec(text)) {
      step();
      if (VERSION_CONTEXT.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
      out.push({ type: 'IP_ADDRESS', start: m.index, end: m.index + m[0].length, value: m[0] });
    }
  }
  detectIpv6(text, out);
  return out;
}

const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isWord = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * IPv6 by scanning runs of hex digits, ':' and '.' around each ':' (each character is read at most
 * twice): full, compressed ("::1", "2001:db8::42"), with an embedded IPv4 ("::ffff:192.0.2.128"),
 * with a zone ("fe80::1%eth0"), or in brackets ("[::1]:8080"). A run glued to other word characters
 * ("std::vector"), longer than an address, or without any decimal digit ("dead::beef") is not one.
 */
function detectIpv6(text: string, out: Entity[]): void {
  let scannedTo = 0;
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', Math.max(colon + 1, scannedTo))) {
    let s = colon;
    while (s > scannedTo && s > colon - IPV6_MAX && (isHex(text.charCodeAt(s - 1)) || text.charCodeAt(s - 1) === 58)) s--;
    let e = colon + 1;
    while (e < text.length && e - s <= IPV6_MAX) {
      const c = text.charCodeAt(e);
      if (!(isHex(c) || c === 58 || c === 46)) break;
      e++;
    }
    step(e - s + 1);
    scannedTo = e;
    // Sentence punctuation after an address: "connect to ::1." or "fe80::1: done".
    while (e > s && (text[e - 1] === '.' || (text[e - 1] === ':' && text[e - 2] !== ':'))) e--;
    if (e - s > IPV6_MAX || e - s < 3) continue;
    const before = text.charCodeAt(s - 1);
    if (isWord(before) || before === 46 || before === 58) continue;
    let end = e;
    ZONE.lastIndex = e;
    const zone = text[e] === '%' ? ZONE.exec(text) : null;
    if (zone) end = e + zone[0].length;
    const after = text.charCodeAt(end);
    const next = text.charCodeAt(end + 1);
    if (isWord(after) || ((after === 46 || after === 58) && (isWord(next) || next === 58))) continue;
    const address = text.slice(s, e);
    if (!/\d/.test(address) || !plausible(address) || !isIPv6(address)) continue;
    out.push({ type: 'IP_ADDRESS', start: s, end, value: text.slice(s, end) });
  }
}

// Short compressed forms are common in code ("a[1::2]"): with fewer than three groups only the
// loopback "::1", an embedded IPv4 ("::ffff:192.0.2.1") or a first group of 3-4 hex digits
// ("fe80::1", "2001:db8::") reads as an address.
function plausible(address: string): boolean {
  const groups = address.split(':').filter((g) => g.length > 0);
  if (groups.length >= 3 || address.includes('.')) return true;
  return address === '::1' || (groups[0] !== undefined && groups[0].length >= 3 && !address.startsWith(':'));
}
