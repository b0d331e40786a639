import { z } from 'zod';

/** `POST /v1/advice/rag-vs-fine-tune`: the collection the answers would come from and the expected traffic. */
export const AdviceRequest = z.strictObject({
  collection: z.string().min(1).max(128),
  traffic: z.strictObject({
    queriesPerMonth: z.number().int().min(0).max(10_000_000_000),
    /** Default 50. */
    questionTokens: z.number().int().min(1).max(100_000).default(50),
    /** Default 250. */
    answerTokens: z.number().int().min(1).max(100_000).default(250),
    /** Default: the tenant's own semantic-cache hit rate (GET /v1/cache/stats). */
    cacheHitRate: z.number().min(0).max(1).optional(),
  }),
  rag: z
    .strictObject({
      /** Default gpt-4o-mini. */
      model: z.string().min(1).max(200).default('gpt-4o-mini'),
      /** Default 5. */
      topK: z.number().int().min(1).max(50).default(5),
      /** Default 1,500. */
      maxContextTokens: z.number().int().min(16).max(100_000).default(1_500),
    })
    .default({ model: 'gpt-4o-mini', topK: 5, maxContextTokens: 1_500 }),
  fineTune: z
    .strictObject({
      /** Default: the RAG model. */
      baseModel: z.string().min(1).max(200).optional(),
      /** Default 3. */
      epochs: z.number().int().min(1).max(50).default(3),
      /** Tokens of the training set. Default: the collection's tokens (tuned on the same knowledge). */
      trainingTokens: z.number().int().min(1).max(100_000_000_000).optional(),
      /** How stale the tuned model may get: retrains a month = 30 / this when the collection changes. Default 30. */
      freshnessDays: z.number().min(1).max(365).default(30),
    })
    .default({ epochs: 3, freshnessDays: 30 }),
  /** The collection's tokens, when no ingestion of it is left in the job history. Default: from the history. */
  collectionTokens: z.number().int().min(1).max(100_000_000_000).optional(),
});
export type AdviceRequest = z.infer<typeof AdviceRequest>;
