import { createHash } from 'node:crypto';

/** The embedding the semantic cache compares prompts with: part of every cache scope. */
export interface CacheEmbedding {
  /** Embedding model as the provider names it. */
  model: string;
  /** Vector length requested from the provider (text-embedding-3-* shorten on request). */
  dimensions: number;
}

/**
 * The cache's embedding unless configured otherwise: small vectors keep lookups cheap, and
 * text-embedding-3-small keeps most of its quality at 256 dimensions.
 */
export const DEFAULT_CACHE_EMBEDDING: CacheEmbedding = { model: 'text-embedding-3-small', dimensions: 256 };

/** Models that refuse the `dimensions` parameter (their size is fixed). */
const FIXED_SIZE_MODELS = new Set(['text-embedding-ada-002']);

/** `text-embedding-3-small@256`: names an embedding in settings, statistics and collection metadata. */
export function embeddingId(embedding: CacheEmbedding): string {
  return `${embedding.model}@${embedding.dimensions}`;
}

/** What to pass to `llm.embed` so the provider returns exactly this embedding. */
export function embedParams(embedding: CacheEmbedding): { model: string; dimensions?: number } {
  return FIXED_SIZE_MODELS.has(embedding.model) ? { model: embedding.model } : { model: embedding.model, dimensions: embedding.dimensions };
}

/**
 * The vector-store collection holding one embedding's cache entries (every tenant's: the store adds
 * the tenant to every filter). One collection per embedding, so vectors of two models are never
 * compared: a query vector can only reach vectors of its own collection.
 */
export function cacheCollectionName(embedding: CacheEmbedding): string {
  const slug = embedding.model
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 28);
  const hash = createHash('sha256').update(embeddingId(embedding)).digest('hex').slice(0, 8);
  return `semcache-${slug}-${embedding.dimensions}-${hash}`;
}

/**
 * Default similarity thresholds per embedding (`model@dimensions`, else `model`): the lowest threshold
 * whose wrong-hit rate stays under 2% on the labelled pairs (808 pairs: the repo's two sets and the
 * one-fact near-miss set) with the literal guard on, printed by `pnpm bench cache-pairs`. They were
 * measured against the simulator standing in for text-embedding-3-small (the only embedding reachable
 * here); other models fall back to {@link FALLBACK_THRESHOLD}. On a real provider, run a calibration
 * and apply it in one call (`POST /v1/cache/settings {"fromCalibration": "<job id>"}`).
 */
export const DEFAULT_THRESHOLDS: Readonly<Record<string, number>> = {
  'text-embedding-3-small@256': 0.94,
  'text-embedding-3-small@512': 0.94,
  'text-embedding-3-small@1536': 0.93,
  'text-embedding-3-small': 0.94,
};

/** For an embedding nobody has calibrated: strict, so the cache errs towards misses. */
export const FALLBACK_THRESHOLD = 0.95;

/** The default threshold of an embedding: by `model@dimensions`, then by model, else the fallback. */
export function defaultThreshold(embedding: CacheEmbedding, table: Readonly<Record<string, number>> = DEFAULT_THRESHOLDS): number {
  return table[embeddingId(embedding)] ?? table[embedding.model] ?? FALLBACK_THRESHOLD;
}
