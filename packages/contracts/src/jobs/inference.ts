// Job types of the inference family (batched chat with cache and RAG, cache warming).
import { z } from 'zod';
import { defineJob } from '../catalog';
import { jobDataKeys } from '../job-keys';
import { JobWaste } from '../job-waste';

/** One chat message as the API accepts it (text content only). */
export const InferenceMessage = z.strictObject({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string().min(1).max(100_000),
});
export type InferenceMessage = z.infer<typeof InferenceMessage>;

/** One item as the API accepts it and stores it (pseudonymized) for the worker. */
export const InferenceItem = z.strictObject({
  /** Letters, digits and `_ . : -`: an id, not a place for text (the API refuses ids that look like personal data). */
  id: z.string().regex(/^[A-Za-z0-9_.:-]{1,200}$/, 'letters, digits and _ . : - (max 200)'),
  messages: z.array(InferenceMessage).min(1).max(200),
});
export type InferenceItem = z.infer<typeof InferenceItem>;

/** The Redis hash holding a job's items (field = item index), written by the API before enqueueing. */
export function inferenceItemsKey(prefix: string, jobId: string): string {
  return jobDataKeys(prefix, jobId).inferenceItems;
}

/** One item's stored result. Text fields hold pseudonyms; the API restores them for the owner. */
export const InferenceItemResult = z.object({
  status: z.enum(['answered', 'failed']),
  answer: z.string().optional(),
  error: z.string().optional(),
  cache: z.object({
    outcome: z.enum(['hit', 'miss', 'off']),
    /** `coalesced`: an identical request was in flight; this item waited for its answer instead of calling again. */
    kind: z.enum(['exact', 'semantic', 'coalesced']).optional(),
    similarity: z.number().optional(),
    /** Job and item that first produced a cached answer. */
    source: z.string().optional(),
  }),
  usage: z.object({ inputTokens: z.number().int(), outputTokens: z.number().int() }),
  /** Dollars this item cost (0 on a hit), integer nano-USD as a string. */
  costNanoUsd: z.string(),
  /** What a hit saved: the cost of the answer it reused. */
  savedNanoUsd: z.string(),
  savedTokens: z.number().int(),
  /** Chunks put into the prompt as RAG context. */
  documents: z.array(z.object({ collection: z.string(), documentId: z.string(), chunkId: z.string(), score: z.number() })),
  /** PII scope of `<DOC_*>` tokens in the answer (the collection's), when RAG was used. */
  documentScope: z.string().optional(),
});
export type InferenceItemResult = z.infer<typeof InferenceItemResult>;

/** Sampling parameters that change an answer; all of them scope the cache. */
export const InferenceParameters = z.strictObject({
  temperature: z.number().min(0).max(2).optional(),
  top_p: z.number().gt(0).max(1).optional(),
  max_tokens: z.number().int().positive().max(32_768).optional(),
  seed: z.number().int().optional(),
});
export type InferenceParameters = z.infer<typeof InferenceParameters>;

/** Retrieval settings: passages from a collection, fitted into `maxContextTokens`. */
export const InferenceRag = z.strictObject({
  collection: z.string().min(1).max(128),
  topK: z.number().int().min(1).max(50),
  maxContextTokens: z.number().int().min(16).max(100_000),
});
export type InferenceRag = z.infer<typeof InferenceRag>;

/**
 * Cache mode: `semantic` tries an exact match, then similar prompts at or above `threshold` (absent:
 * the tenant's setting for the cache's embedding model, else that model's default). `verification`
 * overrides the tenant's gray-band verification for this job (`off`, `below`, `around` the threshold).
 */
export const InferenceCache = z.strictObject({
  mode: z.enum(['semantic', 'exact', 'off']),
  threshold: z.number().min(0.5).max(1).optional(),
  verification: z.enum(['off', 'below', 'around']).optional(),
});
export type InferenceCache = z.infer<typeof InferenceCache>;

/**
 * The inference job payload. Items are NOT in the payload: the API writes them (pseudonymized) into a
 * Redis hash keyed by the job id before enqueueing, so a 10,000-item job is never one Redis value.
 */
export const InferencePayload = z.strictObject({
  model: z.string().min(1),
  parameters: InferenceParameters,
  rag: InferenceRag.optional(),
  cache: InferenceCache,
  mode: z.enum(['realtime', 'batch']),
  /** Number of items in the job's item hash (fields "0".."itemCount-1"). */
  itemCount: z.number().int().positive(),
  /** `answer` for user items; `warm` for cache warming (answers only stored in the cache). */
  purpose: z.enum(['answer', 'warm']),
});
export type InferencePayload = z.infer<typeof InferencePayload>;

export const InferenceSummary = z.object({
  items: z.number().int(),
  answered: z.number().int(),
  failed: z.number().int(),
  cacheHits: z.number().int(),
  providerCalls: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  costUsd: z.string(),
  savedUsd: z.string(),
  savedTokens: z.number().int(),
  /** Provider calls billed without being used (see JobWaste). */
  wasted: JobWaste.optional(),
});
export type InferenceSummary = z.infer<typeof InferenceSummary>;

/** The scheduled warming tick of one tenant: answers its most frequent recent cache misses. */
export const CacheWarmTickPayload = z.strictObject({ topN: z.number().int().min(1).max(1_000) });
export type CacheWarmTickPayload = z.infer<typeof CacheWarmTickPayload>;

export const inferenceJobs = {
  inference: defineJob({
    queue: 'inference',
    description: 'Batched chat completions with PII pseudonymization, semantic cache and optional RAG',
    payload: InferencePayload,
    result: InferenceSummary,
    attempts: 5,
    backoff: { type: 'exponential', delayMs: 2_000 },
    timeoutMs: 6 * 3_600_000,
  }),
  'cache-warm-tick': defineJob({
    queue: 'cache-warm-tick',
    description: "Scheduled cache warming: answers a tenant's most frequent recent cache misses",
    payload: CacheWarmTickPayload,
    result: z.object({ warmed: z.number().int() }),
    attempts: 3,
    backoff: { type: 'exponential', delayMs: 5_000 },
    timeoutMs: 3_600_000,
  }),
};
