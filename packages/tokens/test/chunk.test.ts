import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkText, countTokens, type Chunk } from '../src/index';
import { pieceRegex } from '../src/pretokenize';
import { mixedText } from './arbitraries';

const model = 'gpt-4o-mini';
const paragraphs = fc
  .array(fc.oneof(mixedText, fc.constantFrom('\n\n', '. ', 'The end. ', 'Next line\n', ' word', ' words and more words')), {
    maxLength: 40,
  })
  .map((p) => p.join(''));
const options = fc
  .record({ target: fc.integer({ min: 4, max: 60 }), extra: fc.integer({ min: 0, max: 30 }), overlapShare: fc.double({ min: 0, max: 0.9, noNaN: true }) })
  .map(({ target, extra, overlapShare }) => ({
    targetTokens: target,
    maxTokens: target + extra,
    overlapTokens: Math.min(target - 1, Math.floor(target * overlapShare)),
  }));

/** The pre-tokenizer piece that ends at `offset` (none inside a piece that was cut up). */
function pieceEndingAt(text: string, offset: number): { start: number; tokens: number } | undefined {
  for (const m of text.matchAll(pieceRegex('o200k_base'))) {
    if (m.index + m[0].length === offset) return { start: m.index, tokens: countTokens(m[0], model) };
  }
  return undefined;
}

/**
 * Sum of the tokens of the pre-tokenizer pieces of `text` inside [from, to), or undefined when a
 * piece touching that span is longer than `max` (the chunker cuts those up, so sums differ).
 */
function pieceTokensBetween(text: string, from: number, to: number, max: number): number | undefined {
  let sum = 0;
  for (const m of text.matchAll(pieceRegex('o200k_base'))) {
    const end = m.index + m[0].length;
    if (end <= from || m.index > to) continue;
    const n = countTokens(m[0], model);
    if (n > max) return undefined;
    if (m.index >= from && end <= to) sum += n;
  }
  return sum;
}

function checkInvariants(text: string, chunks: Chunk[], o: { maxTokens: number; overlapTokens: number }) {
  if (text.length === 0) return expect(chunks).toEqual([]);
  expect(chunks[0]?.start).toBe(0);
  expect(chunks.at(-1)?.end).toBe(text.length);
  chunks.forEach((c, i) => {
    expect(c.index).toBe(i);
    expect(c.text).toBe(text.slice(c.start, c.end));
    expect(c.tokens).toBe(countTokens(c.text, model));
    expect(c.tokens).toBeLessThanOrEqual(o.maxTokens);
    expect(/\p{Cs}/u.test(c.text)).toBe(false); // no lone surrogate: never cut inside a pair
    const prev = chunks[i - 1];
    if (!prev) return;
    expect(c.start).toBeGreaterThan(prev.start);
    expect(c.start).toBeLessThanOrEqual(prev.end); // no gap: every character is in some chunk
    expect(c.end).toBeGreaterThan(prev.end);
    if (o.overlapTokens === 0) return expect(c.start).toBe(prev.end);
    const shared = countTokens(text.slice(c.start, prev.end), model);
    expect(shared).toBeLessThanOrEqual(o.overlapTokens);
    // "About" overlapTokens: one more piece back would have gone over, or reached the previous
    // chunk's start, or left no room in the new chunk for the piece after the overlap.
    const before = pieceEndingAt(text, c.start);
    if (!before || before.start <= prev.start) return;
    // Measured as the chunker plans it, per piece: "a  " alone may merge its trailing spaces.
    const inside = pieceTokensBetween(text, c.start, prev.end, o.maxTokens);
    if (inside === undefined) return;
    const back = inside + before.tokens;
    const after = c.text.slice(prev.end - c.start).match(pieceRegex('o200k_base'))?.[0] ?? '';
    expect(back > o.overlapTokens || back + countTokens(after, model) > o.maxTokens).toBe(true);
  });
}

describe('chunkText properties', () => {
  it('chunks are within the maximum, cover the text in order, overlap as configured, and are deterministic', () => {
    fc.assert(
      fc.property(paragraphs, options, (text, o) => {
        const chunks = chunkText(text, { model, ...o });
        checkInvariants(text, chunks, o);
        expect(chunkText(text, { model, ...o })).toEqual(chunks);
      }),
      { numRuns: 400 },
    );
  });

  it('holds for runs longer than the maximum with no boundary (cut between tokens, never mid code point)', () => {
    const longRun = fc.array(fc.constantFrom('x', 'q', 'Z', '😀', '👨‍👩‍👧', '中', '𠀀', 'é'), { minLength: 50, maxLength: 400 }).map((p) => p.join(''));
    fc.assert(
      fc.property(longRun, options, (text, o) => checkInvariants(text, chunkText(text, { model, ...o }), o)),
      { numRuns: 150 },
    );
  });
});

describe('chunkText boundaries', () => {
  const para = (n: number) => `Paragraph ${n} has a few sentences. It goes on a little. Then it ends here.`;
  const text = [1, 2, 3, 4, 5, 6].map(para).join('\n\n');

  it('ends chunks at paragraph breaks when paragraphs fit', () => {
    const one = countTokens(para(1), model);
    const chunks = chunkText(text, { model, targetTokens: one * 2 + 4, overlapTokens: 0 });
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks.slice(0, -1)) expect(c.text.endsWith('\n\n')).toBe(true);
  });

  it('falls back to sentence ends inside a long paragraph', () => {
    const long = Array.from({ length: 30 }, (_, i) => `Sentence number ${i} is here.`).join(' ');
    const chunks = chunkText(long, { model, targetTokens: 40, overlapTokens: 0 });
    for (const c of chunks.slice(0, -1)) expect(c.text.endsWith('.')).toBe(true);
  });

  it('splits the same way every time and for the same text in another string', () => {
    const a = chunkText(text, { model, targetTokens: 30, overlapTokens: 5 });
    const b = chunkText(String(text), { model, targetTokens: 30, overlapTokens: 5 });
    expect(b).toEqual(a);
  });

  it('returns no chunks for an empty text and one chunk for a short one', () => {
    expect(chunkText('', { targetTokens: 10, overlapTokens: 0 })).toEqual([]);
    expect(chunkText('Hi there.', { targetTokens: 10, overlapTokens: 2 })).toEqual([
      { index: 0, text: 'Hi there.', start: 0, end: 9, tokens: countTokens('Hi there.') },
    ]);
  });

  it('rejects options that cannot work', () => {
    expect(() => chunkText('x', { targetTokens: 0, overlapTokens: 0 })).toThrow(RangeError);
    expect(() => chunkText('x', { targetTokens: 10, overlapTokens: 10 })).toThrow(/overlapTokens/);
    expect(() => chunkText('x', { targetTokens: 10, overlapTokens: 0, maxTokens: 5 })).toThrow(/maxTokens/);
    expect(() => chunkText('x', { targetTokens: 3, overlapTokens: 0 })).toThrow(/at least 4/);
  });
});
