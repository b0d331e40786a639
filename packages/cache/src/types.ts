import { z } from 'zod';

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
export const CacheSource = z.object({ collection: z.string(), documentId: z.string(), chunkId: z.string() });
export type CacheSource = z.infer<typeof CacheSource>;

/** What is stored per entry (Redis, the exact cache): pseudonymized (canonical-token) text only. */
export const CacheEntry = z.object({
  tenant: z.string(),
  scope: z.string(),
  /** Identifies the entry's vector point; a re-store gets a new one, so a stale point is never mistaken for it. */
  version: z.string(),
  /** The canonical pseudonymized prompt. */
  prompt: z.string(),
  /** The canonical pseudonymized answer. */
  answer: z.string(),
  sources: z.array(CacheSource),
  usage: z.object({ inputTokens: z.number().int(), outputTokens: z.number().int() }),
  /** What producing the answer cost, integer nano-USD as a string. */
  costNanoUsd: z.string(),
  createdAt: z.string(),
  /** Where it came from (job and item), for the result's `cache.source`. */
  origin: z.string(),
  /** Whether a vector point was written (semantic lookups can find it). */
  semantic: z.boolean(),
});
export type CacheEntry = z.infer<typeof CacheEntry>;

export interface CacheHit {
  kind: 'exact' | 'semantic';
  entryId: string;
  /** 1 for exact hits. */
  similarity: number;
  entry: CacheEntry;
}

/** The scope registry's record: what the sweeper needs to reach a scope's points. */
export const ScopeInfo = z.object({ tenant: z.string(), embedding: z.object({ model: z.string(), dimensions: z.number().int() }), lastStoreAt: z.number() });
export type ScopeInfo = z.infer<typeof ScopeInfo>;

export interface CacheStats {
  lookups: number;
  exactHits: number;
  semanticHits: number;
  /** Items that waited for an identical request in flight instead of calling the provider. */
  coalescedHits: number;
  misses: number;
  hitRate: number;
  /** Mean similarity of semantic hits. */
  meanSimilarity: number;
  /** Hits reported wrong (`POST /v1/cache/feedback`). */
  wrongHits: number;
  wrongHitRate: number;
  /** Gray-band candidates sent to the verifier, and how they ended. */
  verifications: number;
  verifiedHits: number;
  verificationRejections: number;
  /** Dollars spent on verification calls. */
  verificationUsd: string;
  savedInputTokens: number;
  savedOutputTokens: number;
  savedUsd: string;
  entriesInvalidated: number;
  /** Entries evicted because their scope was over its cap (least used first). */
  entriesEvicted: number;
}

/** A prompt that missed, kept (pseudonymized) so warming can answer it ahead of the next ask. */
export const MissRecord = z.object({ model: z.string(), parameters: z.record(z.string(), z.unknown()), system: z.string(), prompt: z.string() });
export type MissRecord = z.infer<typeof MissRecord>;
