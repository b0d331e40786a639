// Synthetic corpus for the search half of the ingest bench: topical texts (so neighbours exist),
// embedded with the simulator's own function (hashed n-grams, what the pipeline would store).
import { seededRandom } from '@llmops/eval';
import { embedText } from '@llmops/llm-simulator';

/** The bench's seeded PRNG: the platform's one (pure-rand via @llmops/eval). */
export const rng = seededRandom;

const SYLLABLES = 'ka lo mi ne tu ra si po ve da zu fe gi ho ja qu wy xe bo ce'.split(' ');

/** `count` texts of 30 words: 20 from one of `topics` topic vocabularies, 10 from a shared one. */
export function topicalTexts(count: number, topics: number, seed = 7): string[] {
  const next = rng(seed);
  const word = () => Array.from({ length: 2 + Math.floor(next() * 2) }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join('');
  const shared = Array.from({ length: 2_000 }, word);
  const vocab = Array.from({ length: topics }, () => Array.from({ length: 40 }, word));
  return Array.from({ length: count }, () => {
    const topic = vocab[Math.floor(next() * topics)]!;
    const words = [
      ...Array.from({ length: 20 }, () => topic[Math.floor(next() * topic.length)]!),
      ...Array.from({ length: 10 }, () => shared[Math.floor(next() * shared.length)]!),
    ];
    return words.sort(() => next() - 0.5).join(' ');
  });
}

/** A query near a text: a third of its words dropped. */
export function perturb(text: string, next: () => number): string {
  return text
    .split(' ')
    .filter(() => next() > 0.33)
    .join(' ');
}

export function embedAll(texts: readonly string[], dimensions: number, onProgress: (done: number) => void): Float32Array[] {
  return texts.map((text, i) => {
    if (i % 10_000 === 0) onProgress(i);
    return embedText(text, dimensions);
  });
}

export function exactTopK(vectors: readonly Float32Array[], candidates: readonly number[], query: Float32Array, k: number): number[] {
  const scored = candidates.map((i) => {
    const v = vectors[i]!;
    let s = 0;
    for (let d = 0; d < query.length; d++) s += v[d]! * query[d]!;
    return { i, s };
  });
  scored.sort((a, b) => b.s - a.s);
  return scored.slice(0, k).map(({ i }) => i);
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}
