import type { Entity } from '../types';
import { base58CheckVersion, eip55Valid, segwitHrp } from './crypto-checksums';
import { step } from './work';

// Bitcoin P2PKH '1' / P2SH '3', Litecoin 'L' / 'M', Dogecoin 'D': Base58Check, 25-35 characters.
const BASE58 = /(?<![A-Za-z0-9])[13LMD][1-9A-HJ-NP-Za-km-z]{24,34}(?![A-Za-z0-9])/g;
const BASE58_VERSIONS: ReadonlyMap<number, string> = new Map([
  [0x00, '1'],
  [0x05, '3'],
  [0x30, 'L'],
  [0x32, 'M'],
  [0x1e, 'D'],
]);
// Segwit: bc1 / tb1 (Bitcoin), ltc1 (Litecoin); one case throughout.
const SEGWIT = /(?<![A-Za-z0-9])(?:bc|tb|ltc|BC|TB|LTC)1[02-9ac-hj-np-zAC-HJ-NP-Z]{6,87}(?![A-Za-z0-9])/g;
// Ethereum and EVM chains: 0x + 40 hex digits.
const ETHEREUM = /(?<![A-Za-z0-9])0x[0-9A-Fa-f]{40}(?![A-Za-z0-9])/g;

/**
 * Crypto wallet addresses, each verified by its checksum: Bitcoin, Litecoin and Dogecoin Base58Check
 * (the version byte must match the leading character), bech32/bech32m segwit addresses (bc1, tb1,
 * ltc1), and Ethereum addresses (0x + 40 hex). A mixed-case Ethereum address must pass EIP-55; an
 * all-lower or all-upper one carries no checksum and is accepted as is: "0x" followed by exactly 40
 * hex digits is the address shape (hashes are 64 digits, and bare SHA-1s have no "0x").
 */
export function detectWallets(text: string): Entity[] {
  const out: Entity[] = [];
  const push = (m: RegExpExecArray) => out.push({ type: 'CRYPTO_WALLET', start: m.index, end: m.index + m[0].length, value: m[0] });
  BASE58.lastIndex = 0;
  for (let m = BASE58.exec(text); m !== null; m = BASE58.exec(text)) {
    step();
    const version = base58CheckVersion(m[0]);
    if (version !== undefined && BASE58_VERSIONS.get(version) === m[0][0]) push(m);
  }
  if (/bc1|tb1|ltc1/i.test(text)) {
    SEGWIT.lastIndex = 0;
    for (let m = SEGWIT.exec(text); m !== null; m = SEGWIT.exec(text)) {
      step();
      if (segwitHrp(m[0]) !== undefined) push(m);
    }
  }
  if (text.includes('0x')) {
    ETHEREUM.lastIndex = 0;
    for (let m = ETHEREUM.exec(text); m !== null; m = ETHEREUM.exec(text)) {
      step();
      const hex = m[0].slice(2);
      const mixed = hex !== hex.toLowerCase() && hex !== hex.toUpperCase();
      if (!mixed || eip55Valid(hex)) push(m);
    }
  }
  return out;
}
