import { Redis } from 'ioredis';
import type { VectorStore } from '@llmops/vector';
import { createSemanticCache, type CacheEmbedding, type SemanticCache, type SemanticCacheOptions } from '../src';

export const redisUrl = 'redis://127.0.0.1:6379';

/** A small embedding for tests: 8 dimensions keep vectors readable. */
export const EMBED_A: CacheEmbedding = { model: 'test-embed-a', dimensions: 8 };

/** How the cache contract suite gets vector stores of one adapter. */
export interface StoreHarness {
  /** A new store instance over the same backing storage each call (another process's view). */
  open(): Promise<VectorStore>;
  cleanup?(): Promise<void>;
}

/** A unit vector along `axis`, tilted towards `towards` by `amount` (cosine with the axis falls as amount grows). */
export function tilted(axis: number, towards: number, amount: number, dims = 8): number[] {
  const v = new Array<number>(dims).fill(0);
  v[axis] = 1;
  v[towards] = (v[towards] ?? 0) + amount;
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

/** The vector whose cosine with the unit vector along `axis` is exactly `similarity`. */
export function atSimilarity(axis: number, towards: number, similarity: number, dims = 8): number[] {
  const v = new Array<number>(dims).fill(0);
  v[axis] = similarity;
  v[towards] = Math.sqrt(1 - similarity * similarity);
  return v;
}

export const usage = { inputTokens: 10, outputTokens: 5 };

/** A cache on its own Redis connection and vector store instance: one replica. */
export async function replica(
  prefix: string,
  harness: StoreHarness,
  options: Partial<SemanticCacheOptions> = {},
): Promise<{ cache: SemanticCache; redis: Redis; vectors: VectorStore; close(): Promise<void> }> {
  const redis = new Redis(redisUrl);
  const vectors = await harness.open();
  const cache = createSemanticCache({ redis, prefix, vectors, embedding: EMBED_A, writeWaitMs: 2, ...options });
  return {
    cache,
    redis,
    vectors,
    async close() {
      redis.disconnect();
      await vectors.close();
    },
  };
}
