import { describe, expect, it } from 'vitest';
import { countWithEncoding } from '../src/index';
import { UNICODE_GAPS } from '../src/unicode-gaps';
import { findUnicodeGaps } from './unicode-probe';

describe('Unicode version gap between Node and tiktoken', () => {
  it('the stored gap table matches this Node and tiktoken (else run scripts/generate-unicode-gaps.ts)', () => {
    expect(findUnicodeGaps()).toEqual(UNICODE_GAPS);
  }, 120_000);

  it('counts characters newer than tiktoken the way tiktoken does', () => {
    // U+323B0 is a CJK letter in Unicode 17 but unknown to tiktoken: "𲎰_" is one symbol run there.
    expect(countWithEncoding('\u{323b0}_a', 'cl100k_base')).toBe(6);
  });
});
