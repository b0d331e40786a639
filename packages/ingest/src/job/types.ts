import type { ingestJobs } from '@llmops/contracts';
import { z } from 'zod';

export type IngestPayload = z.infer<typeof ingestJobs.ingest.payload>;
export type IngestResult = z.infer<typeof ingestJobs.ingest.result>;
export type PayloadDocument = IngestPayload['documents'][number];

const ChunkCounts = z.object({ new: z.number().int(), unchanged: z.number().int(), deleted: z.number().int() });

/**
 * What a batch will do, fixed the first time the batch is seen: which chunks its embed call covers
 * and what each document's outcome is. A retried batch replays this plan, so the embed call (and its
 * ledger key) and the reported outcome are the same however often the worker dies.
 */
export const BatchPlan = z.object({
  embed: z.array(z.object({ documentId: z.string(), index: z.number().int(), hash: z.string() })),
  docs: z.array(z.object({ documentId: z.string(), status: z.enum(['new', 'updated', 'unchanged']), chunks: ChunkCounts })),
});
export type BatchPlan = z.infer<typeof BatchPlan>;

/** What a finished batch did (summed into the job's result). */
export const BatchStats = z.object({
  docs: z.object({ new: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  chunks: ChunkCounts,
  tokens: z.number().int(),
  costNanoUsd: z.string(),
  requests: z.number().int(),
});
export type BatchStats = z.infer<typeof BatchStats>;
