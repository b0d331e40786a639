import { describe, expect, it } from 'vitest';
import { createMemoryVaultStore, createStreamRestorer, createVault, detect, restore, scrubLogValue } from '../src/index';

const MB = 1 << 20;
const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);

// Inputs shaped to make backtracking regexes explode. Each must simply complete; no timing assertion.
const CASES: Record<string, string> = {
  letters: fill('a'),
  digits: fill('1'),
  'digits and spaces': fill('1 '),
  'dots and digits': fill('1.'),
  'at signs': fill('a@'),
  'email-ish': fill('a.b@c.'),
  colons: fill('a:'),
  'hex and colons': fill('ff:'),
  'capitals and digits': fill('AB12 '),
  'lt signs': fill('<EMAIL_'),
  'begin headers': fill('-----BEGIN PRIVATE KEY-----\n'),
  'jwt-ish': fill('eyJ'),
  'name cues': fill('Name: Aaaa '),
  'plus digits': fill('+1 ('),
  'plus then spaced digits': '+' + fill('1 '),
  'url creds': fill('https://a:b'),
};

describe('pathological 1 MB inputs complete', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`detect() on ${name}`, () => {
      expect(Array.isArray(detect(text))).toBe(true);
      expect(typeof scrubLogValue(text)).toBe('string');
    });
  }

  it('restore and the stream restorer on a megabyte of partial tokens', async () => {
    const vault = createVault({ key: Buffer.alloc(32), store: createMemoryVaultStore() });
    const text = fill('<EMAIL_1');
    expect(await restore(text, { scope: 's', vault })).toBe(text);
    const r = createStreamRestorer({ scope: 's', vault });
    let out = '';
    for (let i = 0; i < text.length; i += 4096) out += await r.push(text.slice(i, i + 4096));
    expect(out + (await r.end())).toBe(text);
  });
}, 120_000);
