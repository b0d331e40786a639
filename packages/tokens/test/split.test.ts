import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { get_encoding } from 'tiktoken';
import { afterAll, describe, expect, it } from 'vitest';
import { countTokens, countTokensAsync, isSafeSplit, safeSlices, type EncodingName } from '../src/index';
import { mixedText } from './arbitraries';

const reference = { cl100k_base: get_encoding('cl100k_base'), o200k_base: get_encoding('o200k_base') };
afterAll(() => Object.values(reference).forEach((e) => e.free()));
const ids = (text: string, encoding: EncodingName) => Array.from(reference[encoding].encode_ordinary(text));

// Texts that are dense in candidate split points: line breaks and single spaces between letters.
const splitHeavy = fc
  .array(
    fc.oneof(fc.constantFrom('\n', '\r\n', ' ', 'ab', 'Word', 'x y', '\n/', '.\n', ' \n', '\nA', 'é', 'x.', '文。', "a'", 'e\u0301', 'q😀', 'z%'), mixedText),
    {
      maxLength: 30,
    },
  )
  .map((p) => p.join(''));

describe('safe splits', () => {
  it('encoding the two sides of any safe split gives exactly the tokens of the whole (both encodings)', () => {
    fc.assert(
      fc.property(splitHeavy, (text) => {
        for (const encoding of ['cl100k_base', 'o200k_base'] as const) {
          const whole = ids(text, encoding);
          for (let i = 1; i < text.length; i++) {
            if (!isSafeSplit(text, i)) continue;
            expect([...ids(text.slice(0, i), encoding), ...ids(text.slice(i), encoding)], `${JSON.stringify(text)} @${i}`).toEqual(whole);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('does not split where tokens would join across the cut', () => {
    expect(isSafeSplit('a\n b', 2)).toBe(false); // "\n" then a space: whitespace runs merge
    expect(isSafeSplit('.\n/x', 2)).toBe(false); // o200k's ".\n/" is one piece
    expect(isSafeSplit('ab cd', 2)).toBe(true);
    expect(isSafeSplit('ab\ncd', 3)).toBe(true);
    expect(isSafeSplit("it's", 2)).toBe(false); // o200k keeps the contraction with its word
    expect(isSafeSplit('e\u0301x', 1)).toBe(false); // a combining mark belongs to its letter
    expect(isSafeSplit('中文。下', 2)).toBe(true);
    expect(isSafeSplit('中文。下', 3)).toBe(false); // "。下" is one piece
  });

  it('slices cover the text in order, each ending at a safe split', () => {
    const text = 'line one\nline two\nline three and more words\n'.repeat(20);
    const slices = safeSlices(text, 30);
    expect(slices[0]?.[0]).toBe(0);
    expect(slices.at(-1)?.[1]).toBe(text.length);
    for (let k = 1; k < slices.length; k++) {
      expect(slices[k]?.[0]).toBe(slices[k - 1]?.[1]);
      expect(isSafeSplit(text, slices[k]?.[0] ?? 0)).toBe(true);
    }
  });
});

describe('countTokensAsync', () => {
  const corpus = new URL('../corpus/', import.meta.url);
  const big = readdirSync(corpus)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(new URL(f, corpus), 'utf8'))
    .join('\n')
    .repeat(40);

  it('equals countTokens exactly on a large multilingual text, for both encodings', async () => {
    expect(big.length).toBeGreaterThan(150_000);
    for (const model of ['gpt-4o', 'gpt-3.5-turbo']) {
      expect(await countTokensAsync(big, model, { sliceChars: 1000 })).toBe(countTokens(big, model));
      expect(countTokens(big, model)).toBe(reference[model === 'gpt-4o' ? 'o200k_base' : 'cl100k_base'].encode_ordinary(big).length);
    }
  });

  it('equals countTokens on random text cut into tiny slices', async () => {
    await fc.assert(
      fc.asyncProperty(splitHeavy, fc.integer({ min: 1, max: 20 }), async (text, sliceChars) => {
        expect(await countTokensAsync(text, 'gpt-4o', { sliceChars })).toBe(countTokens(text, 'gpt-4o'));
      }),
      { numRuns: 300 },
    );
  });

  it('lets other callbacks run while it counts', async () => {
    let ticks = 0;
    let running = true;
    const tick = () => {
      ticks++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    await countTokensAsync(big, 'gpt-4o', { sliceChars: 4096 });
    running = false;
    expect(ticks).toBeGreaterThan(10);
  });

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController();
    const pending = countTokensAsync(big, 'gpt-4o', { sliceChars: 4096, signal: controller.signal });
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
  });
});
