import { tenantTag } from '@llmops/contracts';

/**
 * Every Redis key the OpenAI-compatible front door writes. Files and batches belong to a tenant, not
 * to a job, so they live here rather than in the job keys; each carries the tenant's hash tag, so one
 * tenant's keys share a Redis Cluster slot. The inference jobs a batch becomes use the platform's job
 * keys (`jobDataKeys`), cleaned up with every other job.
 */
export function frontDoorKeys(prefix: string) {
  const base = `${prefix}:openai`;
  return {
    /** Hash `meta` (a FileRecord) and `content` (the JSONL, pseudonymized) of one uploaded file. Expires. */
    file: (tenant: string, fileId: string) => `${base}:file:${tenantTag(tenant)}:${fileId}`,
    /** Sorted set file id -> created at (ms): the tenant's uploaded files, newest last. */
    files: (tenant: string) => `${base}:files:${tenantTag(tenant)}`,
    /** String: one batch (a BatchRecord). Expires. */
    batch: (tenant: string, batchId: string) => `${base}:batch:${tenantTag(tenant)}:${batchId}`,
    /** Hash line number -> custom_id of a batch's input lines (what output lines are labelled with). Expires. */
    batchLines: (tenant: string, batchId: string) => `${base}:batch:${tenantTag(tenant)}:${batchId}:lines`,
    /** Sorted set batch id -> created at (ms): the tenant's batches. */
    batches: (tenant: string) => `${base}:batches:${tenantTag(tenant)}`,
  };
}

/**
 * The field a stored file's bytes are held under in the tenant's waiting-bytes hash of @llmops/limits,
 * so uploaded files count against `storage.maxWaitingBytes` together with waiting jobs.
 */
export const fileBytesField = (fileId: string) => `openai-file:${fileId}`;
