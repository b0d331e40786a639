import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { MetadataValue, VectorPoint } from '../src';
import { pointId } from '../src';

/** The platform's seeded PRNG (pure-rand's xoroshiro128+) so every run sees the same vectors. */
export function rng(seed: number): () => number {
  const generator = xoroshiro128plus(seed);
  return () => uniformFloat64(generator);
}

export function randomUnit(dim: number, next: () => number): number[] {
  const v = Array.from({ length: dim }, () => next() * 2 - 1);
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

/** `v` nudged by a little noise, still close to `v`. */
export function near(v: readonly number[], next: () => number, amount = 0.05): number[] {
  const w = v.map((x) => x + (next() * 2 - 1) * amount);
  const n = Math.hypot(...w);
  return w.map((x) => x / n);
}

export function makePoint(
  tenant: string,
  collection: string,
  documentId: string,
  chunkIndex: number,
  vector: number[],
  metadata: Record<string, MetadataValue> = {},
  text = `${documentId} chunk ${chunkIndex}`,
): VectorPoint {
  return {
    id: pointId(tenant, collection, documentId, chunkIndex),
    vector,
    payload: { documentId, chunkIndex, hash: `h-${documentId}-${chunkIndex}`, text, start: chunkIndex * 100, end: chunkIndex * 100 + 99, metadata },
  };
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
