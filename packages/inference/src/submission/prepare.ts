import type { InferenceItem, InferencePayload } from '@llmops/contracts';
import { estimateInference, type WorkEstimate } from '@llmops/limits';
import type { SubmissionDeps } from './deps';
import { storeItems } from './store-items';

/** An inference submission ready for the queue: what the limits see, and what runs once the job id is fixed. */
export interface PreparedInference {
  /** The job's worst case (calls, tokens, dollars), for work caps and budget holds. */
  estimate: WorkEstimate;
  /**
   * Writes the items (pseudonymized with the job id as the vault scope) and returns the payload. The
   * submission runs it only for the request that creates the job, never for a replay.
   */
  build: (jobId: string) => Promise<InferencePayload>;
}

/**
 * Prepares an inference (or warming) job whose items are stored apart from its payload: the payload
 * (already checked against the catalog) carries only the settings and the item count.
 */
export async function prepareInference(
  deps: SubmissionDeps,
  submission: { tenant: string; payload: InferencePayload; items: readonly InferenceItem[] },
): Promise<PreparedInference> {
  const { tenant, payload, items } = submission;
  const estimate = await estimateInference({ payload, items }, deps.services.registry);
  return {
    estimate,
    build: async (jobId) => {
      await storeItems(deps, tenant, jobId, items);
      return payload;
    },
  };
}
