import { countWithEncoding, DEFAULT_MODEL } from './count';
import { encodingForModel } from './encoding';
import { isTiktokenSpace } from './pretokenize';
import { boundaryLevel, toUnits, type Units } from './units';

/** Options for {@link chunkText}. */
export interface ChunkOptions {
  /** Model whose tokenizer counts. Default 'gpt-4o-mini' (o200k_base). */
  model?: string;
  /** Tokens a chunk aims for. A positive integer. */
  targetTokens: number;
  /** Tokens each chunk repeats from the end of the one before; 0 for none. Less than targetTokens. */
  overlapTokens: number;
  /** Hard cap on a chunk's tokens; at least targetTokens and at least 4. Default targetTokens. */
  maxTokens?: number;
}

/** A slice of the original text: `text === original.slice(start, end)` (UTF-16 offsets). */
export interface Chunk {
  index: number;
  text: string;
  start: number;
  end: number;
  /** Tokens of `text` counted on its own, as an embedding or chat request would bill it. */
  tokens: number;
}

function validate(o: ChunkOptions): { target: number; max: number; overlap: number } {
  const max = o.maxTokens ?? o.targetTokens;
  const integer = (n: number) => Number.isSafeInteger(n);
  if (!integer(o.targetTokens) || o.targetTokens < 1) throw new RangeError('targetTokens must be a positive integer');
  if (!integer(max) || max < o.targetTokens) throw new RangeError('maxTokens must be an integer >= targetTokens');
  // One code point can take 4 byte-level tokens, and a chunk never cuts a code point.
  if (max < 4) throw new RangeError('maxTokens (default targetTokens) must be at least 4');
  if (!integer(o.overlapTokens) || o.overlapTokens < 0 || o.overlapTokens >= o.targetTokens) {
    throw new RangeError('overlapTokens must be an integer >= 0 and < targetTokens');
  }
  return { target: o.targetTokens, max, overlap: o.overlapTokens };
}

/** Last unit index e such that units s..e-1 hold at most `limit` tokens (binary search on cum). */
function lastFitting(cum: number[], s: number, limit: number): number {
  let lo = s;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((cum[mid] ?? 0) - (cum[s] ?? 0) <= limit) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** First unit index o >= lo with cum[o] >= value (binary search on cum). */
function firstAtLeast(cum: number[], lo: number, hi: number, value: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cum[mid] ?? 0) >= value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The end unit for a chunk starting at unit s and ending after unit minEnd - 1: the strongest
 * boundary in the filled part of the window.
 */
function chooseEnd(text: string, u: Units, s: number, minEnd: number, target: number, max: number): number {
  const { cum, starts } = u;
  const base = cum[s] ?? 0;
  const e = Math.max(minEnd, lastFitting(cum, s, max));
  if (e >= starts.length - 1) return starts.length - 1;
  const minFill = Math.ceil(target / 2);
  let best = e;
  let bestLevel = -1;
  let bestDistance = Infinity;
  for (let b = e; b >= minEnd; b--) {
    const size = (cum[b] ?? 0) - base;
    if (size < minFill) break;
    const level = boundaryLevel(text, starts[b] ?? 0);
    const distance = Math.abs(target - size);
    if (level > bestLevel || (level === bestLevel && distance < bestDistance)) {
      best = b;
      bestLevel = level;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Whether the tokens of units s..b-1 add up to the tokens of their text counted on its own. Pieces
 * keep their counts when cut out, except the parts of a cut-up piece, and whitespace before the
 * end: in "a  1" tiktoken makes " " and " " (it keeps the space next to "1" apart), but "a  " alone
 * ends in one piece "  ".
 */
function sumIsExact(text: string, units: Units, s: number, b: number): boolean {
  const end = units.starts[b] ?? text.length;
  if (end < text.length && isTiktokenSpace(text.charCodeAt(end - 1))) {
    const last = text.charCodeAt(end - 1);
    if (last !== 10 && last !== 13) return false;
  }
  for (let i = s; i < b; i++) if (!units.exact[i]) return false;
  return true;
}

/**
 * Cuts `text` into chunks of at most maxTokens tokens (each counted on its own), preferring to end a
 * chunk at a paragraph break, then a line break, then a sentence end, then a word boundary, at no
 * less than half of targetTokens. Consecutive chunks share about overlapTokens tokens. A run without
 * boundaries longer than the maximum is cut between tokens (never inside a code point). The text is
 * tokenized once; the result depends only on the text and options.
 */
export function chunkText(text: string, options: ChunkOptions): Chunk[] {
  const { target, max, overlap } = validate(options);
  const encoding = encodingForModel(options.model ?? DEFAULT_MODEL);
  const units = toUnits(text, encoding, max);
  const { starts, cum } = units;
  const last = starts.length - 1;
  const chunks: Chunk[] = [];
  let s = 0;
  let minEnd = 1; // the previous chunk's end unit + 1: every chunk must reach past it
  while (s < last) {
    let b = chooseEnd(text, units, s, minEnd, target, max);
    let tokens = (cum[b] ?? 0) - (cum[s] ?? 0);
    if (!sumIsExact(text, units, s, b)) {
      // Count for real; if that is over the cap, give up the end (or, at the minimum end, overlap).
      for (;;) {
        tokens = countWithEncoding(text.slice(starts[s], starts[b]), encoding);
        if (tokens <= max) break;
        if (b > minEnd) b--;
        else if (s + 1 < minEnd)
          s++; // less overlap, but no gap
        else break;
      }
    }
    const start = starts[s] ?? 0;
    const end = starts[b] ?? text.length;
    chunks.push({ index: chunks.length, text: text.slice(start, end), start, end, tokens });
    if (b >= last) break;
    // The next chunk starts at the earliest unit at most `overlap` tokens before b, but late enough
    // that it can still take unit b, so that every chunk reaches past the one before.
    const overlapStart = firstAtLeast(cum, s + 1, b, (cum[b] ?? 0) - overlap);
    const roomStart = firstAtLeast(cum, s + 1, b, (cum[b + 1] ?? 0) - max);
    s = Math.max(overlapStart, roomStart);
    minEnd = b + 1;
  }
  return chunks;
}
