import { countPiece } from './count';
import { getEncoder, type EncodingName } from './encoding';
import { isTiktokenSpace, pieceRegex } from './pretokenize';

/**
 * A text cut into units a chunker can join: tiktoken's pre-tokenizer pieces (whose counts add up
 * exactly), except that a piece longer than `maxUnitTokens` is cut at token boundaries that fall
 * between code points. `exact[i]` is false for those cut-up units, whose counts only add up
 * approximately, because tiktoken re-encodes a part of a piece differently.
 */
export interface Units {
  /** UTF-16 start of each unit, plus the text's length at the end. */
  starts: number[];
  /** Prefix sums of tokens: cum[j] - cum[i] is the tokens of units i..j-1. */
  cum: number[];
  exact: boolean[];
}

function utf8Length(code: number): number {
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** UTF-16 offsets inside `piece` where a token of it ends on a code point boundary. */
function tokenCuts(piece: string, encoding: EncodingName): Array<{ offset: number; tokens: number }> {
  const encoder = getEncoder(encoding);
  const ids = encoder.encode_ordinary(piece);
  const cuts: Array<{ offset: number; tokens: number }> = [];
  let byte = 0; // bytes of the piece consumed by whole code points so far
  let offset = 0; // UTF-16 offset matching `byte`
  let tokenBytes = 0;
  let pending = 0;
  for (const id of ids) {
    tokenBytes += encoder.decode_single_token_bytes(id).length;
    pending++;
    while (byte < tokenBytes && offset < piece.length) {
      const code = piece.codePointAt(offset) ?? 0;
      byte += utf8Length(code);
      offset += code > 0xffff ? 2 : 1;
    }
    // Only a cut between whole code points is a valid string offset (never mid surrogate pair).
    if (byte === tokenBytes) {
      cuts.push({ offset, tokens: pending });
      pending = 0;
    }
  }
  return cuts;
}

/** Cuts `text` into {@link Units}. */
export function toUnits(text: string, encoding: EncodingName, maxUnitTokens: number): Units {
  const starts: number[] = [];
  const cum: number[] = [0];
  const exact: boolean[] = [];
  let total = 0;
  const re = pieceRegex(encoding);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const piece = m[0];
    const n = countPiece(piece, encoding);
    if (n <= maxUnitTokens) {
      starts.push(m.index);
      cum.push((total += n));
      exact.push(true);
      continue;
    }
    let from = 0;
    for (const cut of tokenCuts(piece, encoding)) {
      starts.push(m.index + from);
      cum.push((total += cut.tokens));
      exact.push(false);
      from = cut.offset;
    }
  }
  starts.push(text.length);
  return { starts, cum, exact };
}

const SENTENCE_END = new Set(['.', '!', '?', '…', ';']);
const CJK_SENTENCE_END = new Set(['。', '！', '？', '；']);
const CLOSERS = new Set(['"', "'", ')', ']', '»', '”', '’', '」', '』']);

/** Boundary strength before UTF-16 offset `p`: 4 paragraph, 3 line, 2 sentence, 1 word, 0 other. */
export function boundaryLevel(text: string, p: number): number {
  const prev = text.charCodeAt(p - 1);
  if (prev === 10 || prev === 13) {
    let newlines = 0;
    // Looking a few characters back is enough to tell a blank line; it keeps long runs linear.
    for (let i = p - 1; i >= Math.max(0, p - 64) && isTiktokenSpace(text.charCodeAt(i)); i--) {
      if (text.charCodeAt(i) === 10) newlines++;
    }
    return newlines >= 2 ? 4 : 3;
  }
  const nextIsSpace = isTiktokenSpace(text.charCodeAt(p));
  let i = p - 1;
  while (i > 0 && CLOSERS.has(text.charAt(i))) i--;
  const ender = text.charAt(i);
  if (CJK_SENTENCE_END.has(ender) || (nextIsSpace && SENTENCE_END.has(ender))) return 2;
  return nextIsSpace || isTiktokenSpace(prev) ? 1 : 0;
}
