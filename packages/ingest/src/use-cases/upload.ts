import { INGEST_PART_DOCUMENTS, ingestJobs } from '@llmops/contracts';
import { submitFlow, submitJob, type Admit, type SubmitDeps, type SubmitOutcome } from '@llmops/queue';
import type { PlatformServices } from '@llmops/services';
import { piiScope } from '../collections';
import { protectDocuments, type DocumentInput } from '../privacy';

/** One documents submission, after the caller parsed it and fixed the collection's model. */
export interface Upload {
  tenant: string;
  /** The user-facing collection name. */
  collection: string;
  /** The collection's embedding model. */
  model: string;
  documents: readonly DocumentInput[];
  /** sha256 of the request as received (an Idempotency-Key replay must match it). */
  requestHash: string;
  idempotencyKey?: string;
  /** Limits and fair scheduling; default: admit everything. */
  admit?: Admit;
}

export type UploadDeps = SubmitDeps & { services: Pick<PlatformServices, 'vault' | 'piiPolicyFor'> };

/**
 * Pseudonymizes the documents (so no original PII is stored in Redis) and enqueues them: one
 * `ingest` job for up to INGEST_PART_DOCUMENTS documents; past that, a BullMQ flow, a parent
 * `ingest` job (its id is the upload's, progress and item results land on it) over `ingest-part`
 * children of INGEST_PART_DOCUMENTS documents each, which workers run in parallel. Payloads are
 * parsed with the catalog's schemas, so a bad one throws a ZodError before anything is written.
 */
export async function submitUpload(deps: UploadDeps, upload: Upload): Promise<SubmitOutcome> {
  const { tenant, collection, model } = upload;
  const privacy = { scope: piiScope(tenant, collection), policy: deps.services.piiPolicyFor(tenant), vault: deps.services.vault };
  const documents = await protectDocuments(upload.documents, privacy);
  const submission = { tenant, requestHash: upload.requestHash, idempotencyKey: upload.idempotencyKey, admit: upload.admit };
  if (documents.length <= INGEST_PART_DOCUMENTS) {
    const payload = ingestJobs.ingest.payload.parse({ collection, model, documents });
    return submitJob(deps, { jobName: 'ingest', payload, ...submission });
  }
  const parts = Math.ceil(documents.length / INGEST_PART_DOCUMENTS);
  const payload = ingestJobs.ingest.payload.parse({ collection, model, documents: [], fanOut: { parts, documents: documents.length } });
  const childPayloads = Array.from({ length: parts }, (_, part) =>
    ingestJobs['ingest-part'].payload.parse({
      collection,
      model,
      documents: documents.slice(part * INGEST_PART_DOCUMENTS, (part + 1) * INGEST_PART_DOCUMENTS),
      offset: part * INGEST_PART_DOCUMENTS,
      total: documents.length,
    }),
  );
  return submitFlow(deps, { jobName: 'ingest', childJobName: 'ingest-part', payload, childPayloads, ...submission });
}
