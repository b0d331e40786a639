// Job types of the ingestion family (documents -> chunks -> embeddings -> vector store).
import { z } from 'zod';
import { defineJob } from '../catalog';
import { JobWaste } from '../job-waste';

const metadataValue = z.union([z.string().max(1_024), z.number().finite(), z.boolean()]);

/** Metadata of a document, copied onto each of its chunks; keys are filterable (`metadata.<key>`). */
export const DocumentMetadata = z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'keys are [A-Za-z_][A-Za-z0-9_]{0,63}'), metadataValue);
export type DocumentMetadata = z.infer<typeof DocumentMetadata>;

/** One document as a client sends it. `id` is the client's; re-sending an id replaces that document. */
export const IngestDocument = z.strictObject({
  id: z.string().min(1).max(256),
  text: z.string().max(2_000_000),
  metadata: DocumentMetadata.optional(),
});
export type IngestDocument = z.infer<typeof IngestDocument>;

/**
 * The job payload. The API has already pseudonymized `text` and string metadata values with the
 * collection's scope, so no original PII sits in Redis; `model` is the collection's fixed model.
 */
const PayloadDocument = z.strictObject({
  id: z.string().min(1).max(256),
  text: z.string(),
  metadata: DocumentMetadata,
  /**
   * Replaced spans as flat quadruples [pseudoStart, pseudoEnd, originalStart, originalEnd], so chunk
   * offsets are stored in the original document's coordinates (numbers only: nothing personal).
   */
  spans: z.array(z.number().int().nonnegative()).max(4_000_000).optional(),
});

export const IngestPayload = z.strictObject({
  collection: z.string().min(1).max(64),
  model: z.string().min(1).max(128),
  /** The documents; empty when the upload was fanned out into `ingest-part` children. */
  documents: z.array(PayloadDocument).max(100_000),
  /** Set on a fanned-out upload: its documents are in this many children, and the job sums them. */
  fanOut: z.strictObject({ parts: z.number().int().min(1), documents: z.number().int().min(1) }).optional(),
});

/** One part of a fanned-out upload: a slice of documents, placed at `offset` among `total`. */
export const IngestPartPayload = z.strictObject({
  collection: z.string().min(1).max(64),
  model: z.string().min(1).max(128),
  documents: z.array(PayloadDocument).min(1).max(100_000),
  offset: z.number().int().min(0),
  total: z.number().int().min(1),
});
export type IngestPartPayload = z.infer<typeof IngestPartPayload>;

/** Uploads with more documents than this fan out into child jobs of this many documents each. */
export const INGEST_PART_DOCUMENTS = 500;
export type IngestPayload = z.infer<typeof IngestPayload>;

const ChunkCounts = z.strictObject({ new: z.number().int(), unchanged: z.number().int(), deleted: z.number().int() });

/** Item result of one document (GET /v1/jobs/{id}/results). */
export const IngestDocumentResult = z.strictObject({
  documentId: z.string(),
  status: z.enum(['new', 'updated', 'unchanged']),
  chunks: ChunkCounts,
});
export type IngestDocumentResult = z.infer<typeof IngestDocumentResult>;

/** The job's summary: what changed, and what it cost. */
export const IngestResult = z.strictObject({
  collection: z.string(),
  model: z.string(),
  documents: z.strictObject({ total: z.number().int(), new: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  chunks: ChunkCounts,
  /** Embedding input tokens spent (0 when nothing changed). */
  tokens: z.number().int(),
  /** Dollars spent, as a decimal string. */
  costUsd: z.string(),
  /** Embedding requests sent to the provider (retried requests of a killed attempt are not counted). */
  providerRequests: z.number().int(),
  batches: z.number().int(),
  /** Provider calls billed without being used (see JobWaste). */
  wasted: JobWaste.optional(),
});
export type IngestResult = z.infer<typeof IngestResult>;

export const ingestJobs = {
  ingest: defineJob({
    queue: 'ingest',
    description: 'Chunk, pseudonymize, embed and upsert documents into a collection; unchanged chunks cost nothing',
    payload: IngestPayload,
    result: IngestResult,
    attempts: 5,
    backoff: { type: 'exponential', delayMs: 2_000 },
    timeoutMs: 60 * 60_000,
  }),
  'ingest-part': defineJob({
    queue: 'ingest-part',
    description: 'One part of a large upload (a child of an ingest job): its documents, as an ingest job does them',
    payload: IngestPartPayload,
    result: IngestResult,
    attempts: 5,
    backoff: { type: 'exponential', delayMs: 2_000 },
    timeoutMs: 60 * 60_000,
    // Parts are children of an ingest job's flow: their queue shares the ingest queue's slot.
    slotWith: 'ingest',
  }),
};
