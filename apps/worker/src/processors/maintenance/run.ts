import type { VectorMaintenancePayload, VectorMaintenanceResult } from '@llmops/contracts';
import type { JobContext } from '@llmops/queue';
import type { ProcessorDeps } from '@llmops/services';

/**
 * One scheduled run of the vector store's housekeeping: the embedded store (LanceDB) compacts its
 * small fragments, builds scalar indexes and, past a size, the ANN index, and deletes versions older
 * than its retention (minutes, so other processes' readers never lose theirs); commit conflicts with
 * writers are retried inside. Qdrant maintains itself: the run reports its collections untouched.
 */
export async function runVectorMaintenance(deps: ProcessorDeps, context: JobContext<VectorMaintenancePayload>): Promise<VectorMaintenanceResult> {
  const { vectors } = deps.services;
  const report = await vectors.maintain(context.payload.collections ? { collections: context.payload.collections } : {});
  const failed = report.collections.filter((collection) => collection.error);
  context.logger.info(
    { store: vectors.kind, collections: report.collections.length, failed: failed.length, ms: report.collections.reduce((sum, c) => sum + c.ms, 0) },
    'vector store maintained',
  );
  // A collection that failed every retry fails the run (retried with backoff); the others are done.
  if (failed.length > 0)
    throw new Error(
      `maintenance failed for ${failed.length} of ${report.collections.length} collections: ${failed
        .map((c) => `${c.name}: ${c.error}`)
        .join('; ')
        .slice(0, 2_000)}`,
    );
  return { store: vectors.kind, collections: report.collections };
}
