// Job type of platform housekeeping: run by a BullMQ job scheduler, never submitted by a tenant.
import { z } from 'zod';
import { defineJob } from '../catalog';
import type { TenantId } from '../envelope';

/**
 * The tenant a scheduled maintenance job's envelope names: the platform itself. No API key maps to
 * it in a sane deployment; it owns no data and its jobs are never in a tenant's job list.
 */
export const MAINTENANCE_TENANT: TenantId = 'llmops-maintenance';

/** One run of the vector store's housekeeping. */
export const VectorMaintenancePayload = z.strictObject({
  /** Only these collections (physical names). Default: every collection. */
  collections: z.array(z.string().min(1).max(200)).max(1_000).optional(),
});
export type VectorMaintenancePayload = z.infer<typeof VectorMaintenancePayload>;

/** What the run did, per collection (shown in Bull Board as the job's return value). */
export const VectorMaintenanceResult = z.object({
  store: z.enum(['lancedb', 'qdrant']),
  collections: z.array(
    z.object({
      name: z.string(),
      optimized: z.boolean(),
      vectorIndexBuilt: z.boolean(),
      ms: z.number(),
      vectorIndex: z.object({ indexedRows: z.number(), unindexedRows: z.number(), parts: z.number(), type: z.string() }).optional(),
      error: z.string().optional(),
    }),
  ),
});
export type VectorMaintenanceResult = z.infer<typeof VectorMaintenanceResult>;

export const maintenanceJobs = {
  'vector-maintenance': defineJob({
    queue: 'vector-maintenance',
    description:
      'Housekeeping of the embedded vector store on a schedule, one run at a time: compaction, scalar and ANN index builds once a table passes a size, pruning of old versions (Qdrant maintains itself: a no-op there)',
    payload: VectorMaintenancePayload,
    result: VectorMaintenanceResult,
    // Commit conflicts with writers are retried inside a run; a run that still fails is retried, and the next schedule comes anyway.
    attempts: 3,
    backoff: { type: 'exponential', delayMs: 30_000 },
    timeoutMs: 60 * 60_000,
    concurrency: 1,
    internal: true,
  }),
};
