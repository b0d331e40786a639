import { isTiktokenSpace } from './pretokenize';

const LETTER = /\p{L}/u;

function isBmpLetter(code: number): boolean {
  return (code < 0xd800 || code > 0xdfff) && LETTER.test(String.fromCharCode(code));
}

/**
 * Whether cutting `text` at UTF-16 offset `i` leaves every tiktoken pre-tokenizer piece whole, so
 * that count(text) === count(text.slice(0, i)) + count(text.slice(i)) for cl100k_base and o200k_base.
 *
 * Two kinds of offsets qualify (see test/split.test.ts for the property check):
 * - after a line break (`\n` or `\r`) and before a non-space other than `/`: no pattern can consume
 *   a line break and then such a character, and the whitespace alternatives that could end at `i` take the same
 *   characters whether or not the text goes on.
 * - between a letter and a single ASCII space followed by a letter: the letter run ends at the
 *   space, and the space always opens the next word's piece (" word").
 */
export function isSafeSplit(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const before = text.charCodeAt(i - 1);
  const at = text.charCodeAt(i);
  // o200k_base lets a punctuation piece run on through line breaks and slashes (".\n/"), so '/' is out.
  if (before === 10 || before === 13) return at !== 0x2f && !isTiktokenSpace(at);
  if (at !== 32 || i + 1 >= text.length) return false;
  return isBmpLetter(before) && isBmpLetter(text.charCodeAt(i + 1));
}

/**
 * Cuts `text` into slices of at least `sliceChars` UTF-16 units (the last may be shorter), each
 * ending at a safe split. A text with no safe split is one slice.
 */
export function safeSlices(text: string, sliceChars: number): Array<[start: number, end: number]> {
  const slices: Array<[number, number]> = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + Math.max(1, sliceChars), text.length);
    while (end < text.length && !isSafeSplit(text, end)) end++;
    slices.push([start, end]);
    start = end;
  }
  return slices;
}
