/** What decides whether one answer can stand for another: all must be equal for a hit. */
export interface CacheScopeInput {
  tenant: string;
  model: string;
  /** Sampling parameters (temperature, max_tokens, ...); key order does not matter. */
  parameters: Record<string, unknown>;
  /** The system prompt(s), pseudonymized. */
  system: string;
  /** RAG collection the answer was grounded in, if any. */
  collection?: string;
}

/** A document chunk an answer was grounded in. */
export interface CacheSource {
  collection: string;
  documentId: string;
  chunkId: string;
}

/** What is stored per entry: pseudonymized (canonical-token) text only. */
export interface CacheEntry {
  tenant: string;
  scope: string;
  /** The canonical pseudonymized prompt. */
  prompt: string;
  /** The canonical pseudonymized answer. */
  answer: string;
  sources: CacheSource[];
  usage: { inputTokens: number; outputTokens: number };
  /** What producing the answer cost, integer nano-USD as a string. */
  costNanoUsd: string;
  createdAt: string;
  /** Where it came from (job and item), for the result's `cache.source`. */
  origin: string;
}

export interface CacheHit {
  kind: 'exact' | 'semantic';
  entryId: string;
  /** 1 for exact hits. */
  similarity: number;
  entry: CacheEntry;
}

export interface CacheStats {
  lookups: number;
  exactHits: number;
  semanticHits: number;
  misses: number;
  hitRate: number;
  /** Mean similarity of semantic hits. */
  meanSimilarity: number;
  /** Hits later reported wrong (evaluation, user feedback); where known. */
  wrongHits: number;
  wrongHitRate: number;
  savedInputTokens: number;
  savedOutputTokens: number;
  savedUsd: string;
  entriesInvalidated: number;
}

/** A prompt that missed, kept (pseudonymized) so warming can answer it ahead of the next ask. */
export interface MissRecord {
  model: string;
  parameters: Record<string, unknown>;
  system: string;
  prompt: string;
}
