import type { EncodingName } from './encoding';
import { UNICODE_GAPS } from './unicode-gaps';

/*
 * tiktoken splits text with a regex before byte-pair encoding each piece on its own, so a text's
 * token count is the sum of its pieces' counts. These are the npm tiktoken package's own patterns
 * (encoders/*.json `pat_str`), translated from Rust regex to JavaScript:
 * - Rust's `\s` is Unicode White_Space (it has U+0085 and lacks U+FEFF, unlike JavaScript's `\s`).
 * - Node's Unicode tables are newer than tiktoken's: code points that only Node knows as letters,
 *   numbers or marks (UNICODE_GAPS) are taken out of those classes (the `v` flag's `--`).
 */
const hex = (cp: number) => `\\u{${cp.toString(16)}}`;
const GAPS = `[${UNICODE_GAPS.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('')}]`;
const cls = (props: string) => String.raw`[[${props}]--${GAPS}]`;

const WS = String.raw`\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000`;
const L = cls(String.raw`\p{L}`);
const N = cls(String.raw`\p{N}`);
const LN = cls(String.raw`\p{L}\p{N}`);
const UPPER = cls(String.raw`\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}`);
const LOWER = cls(String.raw`\p{Ll}\p{Lm}\p{Lo}\p{M}`);
const CONTRACTION = String.raw`(?i:'s|'t|'re|'ve|'m|'ll|'d)`;
const NOT_NEWLINE_LN = String.raw`[^\r\n${LN}]`;
const SYMBOL = String.raw`[^${WS}${LN}]`;
const TAIL_WS = String.raw`[${WS}]*[\r\n]+|[${WS}]+(?![^${WS}])|[${WS}]+`;

const PATTERNS: Record<EncodingName, string> = {
  cl100k_base: String.raw`${CONTRACTION}|${NOT_NEWLINE_LN}?${L}+|${N}{1,3}| ?${SYMBOL}+[\r\n]*|${TAIL_WS}`,
  o200k_base:
    String.raw`${NOT_NEWLINE_LN}?${UPPER}*${LOWER}+${CONTRACTION}?|${NOT_NEWLINE_LN}?${UPPER}+${LOWER}*${CONTRACTION}?` +
    String.raw`|${N}{1,3}| ?${SYMBOL}+[\r\n\/]*|${TAIL_WS}`,
};

const compiled = new Map<EncodingName, RegExp>();

/**
 * A new global regex (own lastIndex, so callers may nest) whose matches are tiktoken's
 * pre-tokenizer pieces for `encoding`, in order, covering the whole text.
 */
export function pieceRegex(encoding: EncodingName): RegExp {
  let re = compiled.get(encoding);
  if (!re) {
    re = new RegExp(PATTERNS[encoding], 'gv');
    compiled.set(encoding, re);
  }
  // Copying a compiled RegExp reuses V8's compiled code; only lastIndex is new.
  return new RegExp(re);
}

/** Whether `code` is Unicode White_Space, the set Rust's (and so tiktoken's) `\s` matches. */
export function isTiktokenSpace(code: number): boolean {
  return (
    (code >= 9 && code <= 13) ||
    code === 32 ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}
