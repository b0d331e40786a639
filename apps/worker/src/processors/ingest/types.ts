import type { ingestJobs } from '@llmops/contracts';
import type { PlannedEmbedding } from '@llmops/ingest';
import type { z } from 'zod';

export type IngestPayload = z.infer<typeof ingestJobs.ingest.payload>;
export type IngestResult = z.infer<typeof ingestJobs.ingest.result>;
/** Item result of one document. */
export interface IngestDocumentResult {
  documentId: string;
  status: 'new' | 'updated' | 'unchanged';
  chunks: ChunkCounts;
}
export type PayloadDocument = IngestPayload['documents'][number];

export interface ChunkCounts {
  new: number;
  unchanged: number;
  deleted: number;
}

/**
 * What a batch will do, fixed the first time the batch is seen: which chunks its embed call covers
 * and what each document's outcome is. A retried batch replays this plan, so the embed call (and its
 * ledger key) and the reported outcome are the same however often the worker dies.
 */
export interface BatchPlan {
  embed: PlannedEmbedding[];
  docs: IngestDocumentResult[];
}

/** What a finished batch did (summed into the job's result). */
export interface BatchStats {
  docs: { new: number; updated: number; unchanged: number };
  chunks: ChunkCounts;
  tokens: number;
  costNanoUsd: string;
  requests: number;
}
