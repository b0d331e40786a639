// Checksums of cryptocurrency addresses: Base58Check, bech32/bech32m (BIP 173/350), EIP-55.
import { createHash } from 'node:crypto';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { step } from './work';

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const B58_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < B58.length; i++) B58_VALUE[B58.charCodeAt(i)] = i;

/** Base58 to bytes (leading '1's are zero bytes); undefined on a character outside the alphabet. */
export function base58Decode(s: string): Uint8Array | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const v = B58_VALUE[s.charCodeAt(i)] ?? -1;
    if (v < 0) return undefined;
    let carry = v;
    for (let j = 0; j < bytes.length; j++) {
      carry += (bytes[j] ?? 0) * 58;
      bytes[j] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  let zeros = 0;
  while (zeros < s.length && s[zeros] === '1') zeros++;
  const out = new Uint8Array(zeros + bytes.length);
  for (let i = 0; i < bytes.length; i++) out[zeros + i] = bytes[bytes.length - 1 - i] ?? 0;
  return out;
}

const sha256 = (b: Uint8Array): Buffer => createHash('sha256').update(b).digest();

/** Version byte of a valid Base58Check string of `payloadLength` bytes (version + hash), else undefined. */
export function base58CheckVersion(s: string, payloadLength = 21): number | undefined {
  step();
  const raw = base58Decode(s);
  if (raw === undefined || raw.length !== payloadLength + 4) return undefined;
  const payload = raw.subarray(0, payloadLength);
  const check = sha256(sha256(payload));
  for (let i = 0; i < 4; i++) if (check[i] !== raw[payloadLength + i]) return undefined;
  return raw[0];
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
const BECH32_CONST = 1;
const BECH32M_CONST = 0x2bc830a3;

function polymod(values: readonly number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ v) >>> 0;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk = (chk ^ (GEN[i] ?? 0)) >>> 0;
  }
  return chk;
}

/**
 * Decodes a segwit address (BIP 173 bech32 for witness v0, BIP 350 bech32m for v1-16) and checks
 * its checksum and program length; returns the human-readable part ("bc", "tb", "ltc") or undefined.
 */
export function segwitHrp(address: string): string | undefined {
  step();
  if (address !== address.toLowerCase() && address !== address.toUpperCase()) return undefined;
  const s = address.toLowerCase();
  const sep = s.lastIndexOf('1');
  if (sep < 1 || sep + 7 > s.length || s.length > 90) return undefined;
  const hrp = s.slice(0, sep);
  const data: number[] = [];
  for (let i = sep + 1; i < s.length; i++) {
    const v = BECH32.indexOf(s[i] ?? '');
    if (v < 0) return undefined;
    data.push(v);
  }
  const expanded: number[] = [];
  for (let i = 0; i < hrp.length; i++) expanded.push(hrp.charCodeAt(i) >> 5);
  expanded.push(0);
  for (let i = 0; i < hrp.length; i++) expanded.push(hrp.charCodeAt(i) & 31);
  const check = polymod([...expanded, ...data]);
  const version = data[0] ?? -1;
  if (version < 0 || version > 16 || check !== (version === 0 ? BECH32_CONST : BECH32M_CONST)) return undefined;
  const programBits = (data.length - 7) * 5;
  const programBytes = Math.floor(programBits / 8);
  if (programBits % 8 > 4 || programBytes < 2 || programBytes > 40) return undefined;
  if (version === 0 && programBytes !== 20 && programBytes !== 32) return undefined;
  return hrp;
}

/** EIP-55: each hex letter is upper case iff the matching nibble of keccak256(lower-case hex) is >= 8. */
export function eip55Valid(hex40: string): boolean {
  step();
  const lower = hex40.toLowerCase();
  const hash = keccak_256(new TextEncoder().encode(lower));
  for (let i = 0; i < 40; i++) {
    const ch = hex40[i] ?? '';
    if (ch >= '0' && ch <= '9') continue;
    const byte = hash[i >> 1] ?? 0;
    const nibble = i % 2 === 0 ? byte >> 4 : byte & 0x0f;
    if (nibble >= 8 !== (ch >= 'A' && ch <= 'F')) return false;
  }
  return true;
}
