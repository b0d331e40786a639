import { encodingForModel, getEncoder, type EncodingName } from './encoding';
import { pieceRegex } from './pretokenize';

/** The model counted for when a caller names none. */
export const DEFAULT_MODEL = 'gpt-4o-mini';

// Pieces ("Hello", " world", ".") repeat constantly, and a piece's count never changes, so a
// per-encoding cache turns most of the work into one Map lookup. Long pieces are rarely repeated.
const MAX_CACHED_PIECE_CHARS = 48;
const MAX_CACHE_ENTRIES = 200_000;
const caches = new Map<EncodingName, Map<string, number>>();
const FALLBACK_CHECK_EVERY = 2048;
const FALLBACK_MIN_REST = 32_768;

function cacheFor(encoding: EncodingName): Map<string, number> {
  let cache = caches.get(encoding);
  if (!cache) {
    cache = new Map();
    caches.set(encoding, cache);
  }
  return cache;
}

/** Tokens in one pre-tokenizer piece (as yielded by {@link pieceRegex}). */
export function countPiece(piece: string, encoding: EncodingName): number {
  if (piece.length > MAX_CACHED_PIECE_CHARS) return getEncoder(encoding).encode_ordinary(piece).length;
  const cache = cacheFor(encoding);
  const n = cache.get(piece);
  return n ?? countMiss(piece, encoding, cache);
}

function countMiss(piece: string, encoding: EncodingName, cache: Map<string, number>): number {
  const n = getEncoder(encoding).encode_ordinary(piece).length;
  // Clearing keeps memory bounded; the hot pieces come back within a few kilobytes of text.
  if (cache.size >= MAX_CACHE_ENTRIES) cache.clear();
  cache.set(piece, n);
  return n;
}

/**
 * Counts tokens exactly as tiktoken does. Special-token text such as `<|endoftext|>` is counted as
 * ordinary text, which is what a provider bills for user content.
 */
export function countTokens(text: string, model: string = DEFAULT_MODEL): number {
  return countWithEncoding(text, encodingForModel(model));
}

/**
 * Counts tokens of `text` in `encoding`, equal to `encode_ordinary(text).length` in tiktoken: the
 * text is split with tiktoken's own pre-tokenizer pattern and each piece's count is cached.
 */
export function countWithEncoding(text: string, encoding: EncodingName): number {
  if (text.length === 0) return 0;
  const re = pieceRegex(encoding);
  const cache = cacheFor(encoding);
  let total = 0;
  let pieces = 0;
  let misses = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const piece = m[0];
    const cached = piece.length > MAX_CACHED_PIECE_CHARS ? undefined : cache.get(piece);
    if (cached !== undefined) {
      total += cached;
    } else {
      misses++;
      total += countPiece(piece, encoding);
    }
    // A large text of mostly unseen pieces costs one WASM call per piece; past a point one call for
    // the rest is cheaper. Exact: the rest starts at a piece boundary, and pieces never look back.
    if (++pieces % FALLBACK_CHECK_EVERY === 0 && misses * 2 > pieces && text.length - re.lastIndex > FALLBACK_MIN_REST) {
      return total + getEncoder(encoding).encode_ordinary(text.slice(re.lastIndex)).length;
    }
  }
  return total;
}

/** Drops the piece caches (for tests and cold-start benchmarks). */
export function clearTokenCache(): void {
  caches.clear();
}
