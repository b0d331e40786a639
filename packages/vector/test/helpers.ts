import type { MetadataValue, VectorPoint } from '../src';
import { pointId } from '../src';

/** Small deterministic PRNG (mulberry32) so every run sees the same vectors. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
