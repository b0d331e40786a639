import { isTiktokenSpace } from './pretokenize';

const LETTER = /\p{L}/u;
const WORDISH = /[\p{L}\p{M}\p{N}']/u;

function isBmpLetter(code: number): boolean {
  return (code < 0xd800 || code > 0xdfff) && LETTER.test(String.fromCharCode(code));
}

/** A symbol or punctuation code point (not a letter, mark, number, apostrophe or space) at `i`. */
function isSymbolAt(text: string, i: number): boolean {
  const code = text.codePointAt(i) ?? 0;
  return !isTiktokenSpace(code) && !WORDISH.test(String.fromCodePoint(code));
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
 * - between a letter and a symbol or punctuation mark other than an apostrophe ("word|.", "中文|。"):
 *   letter pieces never take such a character after their letters, and the symbol's piece starts
 *   there either way (it may take letters after it, but never letters before it).
 */
export function isSafeSplit(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const before = text.charCodeAt(i - 1);
  const at = text.charCodeAt(i);
  // o200k_base lets a punctuation piece run on through line breaks and slashes (".\n/"), so '/' is out.
  if (before === 10 || before === 13) return at !== 0x2f && !isTiktokenSpace(at);
  if (!isBmpLetter(before)) return false;
  if (at === 32) return i + 1 < text.length && isBmpLetter(text.charCodeAt(i + 1));
  return isSymbolAt(text, i);
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
