import { describe, expect, it } from 'vitest';
import { work } from '../src/detectors/work';
import { createMemoryVaultStore, createStreamRestorer, createVault, detect, restore, scrubLogValue } from '../src/index';

const KB = 1 << 10;
const MB = 1 << 20;
const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

// Inputs shaped to make backtracking regexes or naive scanners explode. No timing: the detectors count
// their steps (candidates examined, characters walked, validator calls) and the count must stay
// proportional to the input (bench/pii.bench.ts prints the seconds).
const UNITS: Record<string, (size: number) => string> = {
  letters: (n) => fill('a', n),
  digits: (n) => fill('1', n),
  'digits and spaces': (n) => fill('1 ', n),
  'dots and digits': (n) => fill('1.', n),
  'card-like groups': (n) => fill('4111 ', n),
  'at signs': (n) => fill('@', n),
  'a@': (n) => fill('a@', n),
  'email-ish': (n) => fill('a.b@c.', n),
  'long local parts': (n) => fill(`${'a'.repeat(63)}.@`, n),
  'long hostname': (n) => `x@${fill('a.', n - 2)}`,
  'obfuscated at': (n) => fill('a [at] b [dot] ', n),
  colons: (n) => fill('a:', n),
  'hex and colons': (n) => fill('ff:', n),
  'digits and double colons': (n) => fill('1::', n),
  'capitals and digits': (n) => fill('AB12 ', n),
  'iban-like': (n) => fill('DE12 ', n),
  'lowercase iban-like': (n) => fill('de12', n),
  'lt signs': (n) => fill('<EMAIL_', n),
  'begin headers': (n) => fill('-----BEGIN PRIVATE KEY-----\n', n),
  'jwt-ish': (n) => fill('eyJ', n),
  'name cues': (n) => fill('Name: Aaaa ', n),
  'plus digits (the 8 MB API body)': (n) => fill('+1 (', n),
  'plus then spaced digits': (n) => `+${fill('1 ', n - 1)}`,
  'url creds': (n) => fill('https://a:b', n),
  'url starts': (n) => fill('http://', n),
  'url, no spaces': (n) => `https://example.com/${fill('a', n - 20)}`,
  'closing parens after a url': (n) => `https://example.com/${fill(')', n - 20)}`,
  'base58-ish': (n) => fill('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN', n),
  '0x hex': (n) => fill('0x', n) + 'f'.repeat(40),
  'bech32-ish': (n) => fill('bc1qqqqqqqqq', n),
  'zero-width everywhere': (n) => fill('a\u200b', n),
  'look-alikes, one chunk': (n) => fill('\u0430a', n),
  'ligatures (NFKC expands)': (n) => fill('\ufb01', n),
  'fullwidth digits': (n) => fill('４', n),
  'one MB without spaces (base64)': (n) => fill('QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0MjQy', n),
};

const stepsFor = (text: string): number => {
  const before = work.steps;
  detect(text);
  scrubLogValue(text);
  return work.steps - before;
};

describe('pathological inputs: work grows linearly with the input', () => {
  for (const [name, make] of Object.entries(UNITS)) {
    it(name, () => {
      const half = stepsFor(make(512 * KB));
      const full = stepsFor(make(MB));
      // Generous bounds: at most 16 counted steps per character, and doubling the input at most
      // (a bit over) doubles the work. A quadratic scanner fails both by orders of magnitude.
      expect(full).toBeLessThanOrEqual(16 * MB);
      expect(full).toBeLessThanOrEqual(2.2 * half + 10_000);
    });
  }

  it('the 8 MB "+1 (" request body is scanned with bounded work', () => {
    const text = fill('+1 (', 8 * MB);
    const before = work.steps;
    expect(detect(text)).toEqual([]);
    expect(work.steps - before).toBeLessThanOrEqual(4 * text.length);
  });

  it('restore and the stream restorer on a megabyte of partial tokens', async () => {
    const vault = createVault({ key: Buffer.alloc(32), store: createMemoryVaultStore() });
    const text = fill('<EMAIL_1', MB);
    expect(await restore(text, { scope: 's', vault })).toBe(text);
    const r = createStreamRestorer({ scope: 's', vault });
    let out = '';
    for (let i = 0; i < text.length; i += 4096) out += await r.push(text.slice(i, i + 4096));
    expect(out + (await r.end())).toBe(text);
  });
}, 300_000);
