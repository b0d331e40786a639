import { z } from 'zod';
import { InferenceItemResult } from '@llmops/contracts';
import { component } from './registry';

export const InferenceResultItem = component(InferenceItemResult.omit({ documentScope: true }).extend({ id: z.string(), index: z.number().int() }), {
  id: 'InferenceResultItem',
  description:
    "One item's answer with the caller's personal data restored, how the cache served it, its tokens and dollars (integer nano-dollars as strings), and the RAG passages it used.",
  examples: [
    {
      id: 'q1',
      index: 0,
      status: 'answered',
      answer: 'You accrue 2 days of leave per month. I will reply to jane@acme.example.',
      cache: { outcome: 'miss' },
      usage: { inputTokens: 96, outputTokens: 21 },
      costNanoUsd: '27000',
      savedNanoUsd: '0',
      savedTokens: 0,
      documents: [{ collection: 'handbook', documentId: 'leave-policy', chunkId: '5b2f0c1e-7a8d-5e44-9b1e-0c2d3f4a5b6c', score: 0.81 }],
    },
  ],
});

export const InferenceResultPage = component(z.object({ items: z.array(InferenceResultItem), nextCursor: z.string().nullable() }), {
  id: 'InferenceResultPage',
  description: 'Answers in item order; pass nextCursor as ?cursor for the next page (null on the last).',
});

export const CacheStats = component(
  z.looseObject({
    tenant: z.string(),
    lookups: z.number(),
    exactHits: z.number(),
    semanticHits: z.number(),
    misses: z.number(),
    hitRate: z.number(),
    meanSimilarity: z.number(),
    wrongHits: z.number(),
    wrongHitRate: z.number(),
    savedInputTokens: z.number(),
    savedOutputTokens: z.number(),
    savedUsd: z.string(),
    entriesInvalidated: z.number(),
    /** The cache's embedding (`model/dimensions`). */
    embedding: z.string().optional(),
    /** Semantic hits served and reported wrong, per 0.01 of similarity (the current embedding). */
    bySimilarity: z.array(z.object({ similarity: z.number(), served: z.number(), wrong: z.number() })).optional(),
  }),
  {
    id: 'CacheStats',
    description:
      "The caller's semantic cache counters: lookups, hits by kind, hit rate, mean similarity of semantic hits, wrong hits where reported, tokens and dollars saved, entries invalidated.",
  },
);

export const WarmingSettings = component(
  z.object({ tenant: z.string(), enabled: z.boolean(), every: z.number().int().optional(), topN: z.number().int().optional() }),
  { id: 'WarmingSettings', description: 'Scheduled warming of the most frequent recent misses: on or off, every (ms), topN.' },
);

const Verification = z.object({ mode: z.enum(['off', 'below', 'around']), band: z.number(), model: z.string(), minScore: z.number().int() });

export const CacheSettings = component(
  z.object({
    tenant: z.string(),
    embedding: z.object({ model: z.string(), dimensions: z.number().int(), id: z.string() }),
    threshold: z.number(),
    /** `tenant`: set by the tenant (or applied from a calibration); `default`: the embedding's default. */
    thresholdSource: z.enum(['tenant', 'default']),
    /** The calibration job the threshold came from. */
    calibration: z.string().optional(),
    defaultThreshold: z.number(),
    verification: Verification,
  }),
  {
    id: 'CacheSettings',
    description: "The similarity threshold the caller's lookups use for the cache's embedding, where it comes from, and gray-band verification.",
  },
);

export const CacheFeedbackOutcome = component(
  z.object({
    jobId: z.string(),
    itemId: z.string(),
    status: z.enum(['reported', 'already-reported']),
    /** How the wrong answer was served: exact, semantic or coalesced. */
    kind: z.string(),
    similarity: z.number(),
    /** Whether the cache entry behind it was removed (a first report). */
    entryRemoved: z.boolean().optional(),
  }),
  { id: 'CacheFeedbackOutcome', description: 'The wrong hit was counted (once per item) and the entry behind it removed.' },
);
