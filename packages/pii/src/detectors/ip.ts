import { isIPv6 } from 'node:net';
import type { Entity } from '../types';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?!\\w|\\.\\d)`, 'g');
// Hex groups and colons, optionally ending in a dotted IPv4; validated by node:net afterwards.
const IPV6 = /(?<![\w:.])(?:[0-9A-Fa-f]{1,4}|:)(?::[0-9A-Fa-f]{0,4}){2,7}(?:\.\d{1,3}){0,3}(?![\w:])/g;
const VERSION_CONTEXT = /\b(?:version|release|build|ver\.|firmware|chrome|firefox|safari)\s*$/i;

/** IPv4 (dotted quad, not after "version"/"v") and IPv6 (any valid form with at least one digit). */
export function detectIps(text: string): Entity[] {
  const out: Entity[] = [];
  IPV4.lastIndex = 0;
  for (let m = IPV4.exec(text); m !== null; m = IPV4.exec(text)) {
    if (VERSION_CONTEXT.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    out.push({ type: 'IP_ADDRESS', start: m.index, end: m.index + m[0].length, value: m[0] });
  }
  IPV6.lastIndex = 0;
  for (let m = IPV6.exec(text); m !== null; m = IPV6.exec(text)) {
    const v = m[0];
    if (!/\d/.test(v) || !isIPv6(v)) continue;
    out.push({ type: 'IP_ADDRESS', start: m.index, end: m.index + v.length, value: v });
  }
  return out;
}
