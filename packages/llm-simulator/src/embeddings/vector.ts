import { hash53 } from '../random';
import { STOPWORDS, words } from '../text';

// Feature weights: whole words dominate so a light rephrase stays close; character 3-grams let
// inflections (reset/resets) and typos still overlap; bigrams reward shared word order.
const UNIGRAM = 1;
const STOPWORD = 0.25;
const BIGRAM = 0.35;
const TRIGRAM = 0.4;

/**
 * A deterministic embedding that keeps lexical similarity: signed feature hashing of word
 * unigrams, bigrams and character 3-grams into `dimensions` slots, L2-normalised.
 * Similar texts get a high cosine, unrelated texts a cosine near 0. It knows no synonyms.
 */
export function embedText(text: string, dimensions: number): Float32Array {
  const vector = new Float64Array(dimensions);
  const add = (feature: string, weight: number) => {
    const h = hash53(feature);
    const slot = h % dimensions;
    const sign = Math.floor(h / 4294967296) & 1 ? -1 : 1;
    vector[slot] = (vector[slot] ?? 0) + sign * weight;
  };
  const tokens = words(text);
  tokens.forEach((word, i) => {
    const stop = STOPWORDS.has(word);
    add(`w:${word}`, stop ? STOPWORD : UNIGRAM);
    const next = tokens[i + 1];
    if (next !== undefined) add(`b:${word} ${next}`, BIGRAM);
    if (stop) return;
    const padded = `^${word}$`;
    const grams = padded.length - 2;
    const weight = TRIGRAM / Math.sqrt(grams);
    for (let j = 0; j < grams; j++) add(`c:${padded.slice(j, j + 3)}`, weight);
  });
  let norm = 0;
  for (const v of vector) norm += v * v;
  const out = new Float32Array(dimensions);
  if (norm === 0) {
    out[0] = 1; // empty or symbol-only text: a fixed unit vector rather than NaNs
    return out;
  }
  const scale = 1 / Math.sqrt(norm);
  for (let i = 0; i < dimensions; i++) out[i] = (vector[i] ?? 0) * scale;
  return out;
}

/** Cosine of two vectors (both already unit length for embeddings, but computed in full). */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** OpenAI's base64 form: little-endian float32 bytes. */
export function toBase64(vector: Float32Array): string {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64');
}
