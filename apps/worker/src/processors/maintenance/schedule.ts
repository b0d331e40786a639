import { createHash } from 'node:crypto';
import { Queue } from 'bullmq';
import { bullPrefix, MAINTENANCE_TENANT, platformCatalog, type VectorMaintenancePayload } from '@llmops/contracts';
import { jobOptionsFor } from '@llmops/queue';
import type { ProcessorDeps } from '@llmops/services';

const definition = platformCatalog['vector-maintenance'];

/** The one scheduler of the queue (a fixed id: every replica upserts the same one). */
export const VECTOR_MAINTENANCE_SCHEDULER = 'vector-maintenance';

/**
 * Makes the BullMQ job scheduler of the vector store's maintenance match `everyMs` (0 removes it).
 * Every replica serving the queue calls it at boot: an upsert with the same id is one scheduler, and
 * BullMQ adds one job per period whoever runs it. The queue's global concurrency of 1 makes a run that
 * outlasts the period wait for the previous one instead of overlapping it on another replica.
 */
export async function scheduleVectorMaintenance(deps: Pick<ProcessorDeps, 'redis' | 'prefix'>, everyMs: number, retentionSeconds: number): Promise<void> {
  const queue = new Queue(definition.queue, { connection: deps.redis, prefix: bullPrefix(deps.prefix, definition) });
  try {
    if (everyMs <= 0) {
      await queue.removeJobScheduler(VECTOR_MAINTENANCE_SCHEDULER);
      return;
    }
    await queue.setGlobalConcurrency(1);
    const payload: VectorMaintenancePayload = {};
    await queue.upsertJobScheduler(
      VECTOR_MAINTENANCE_SCHEDULER,
      { every: everyMs },
      {
        name: definition.queue,
        // The envelope every job carries; the platform is its tenant, the hash stands for the schedule.
        data: {
          tenant: MAINTENANCE_TENANT,
          requestHash: createHash('sha256').update(`vector-maintenance every ${everyMs}`).digest('hex'),
          submittedAt: new Date().toISOString(),
          payload,
        },
        // The last hundred runs are kept for Bull Board, not a week of them.
        opts: { ...jobOptionsFor(definition, retentionSeconds), removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
      },
    );
  } finally {
    await queue.close();
  }
}
