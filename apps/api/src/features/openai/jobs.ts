import { inferenceJobs, type InferenceCache, type InferenceItem, type InferenceParameters } from '@llmops/contracts';
import { estimateInference } from '@llmops/limits';
import { storeItems } from '@llmops/inference';
import { submitJobs, type SubmitOutcome } from '@llmops/queue';
import { admitting, jsonBytes } from '../../limits/admit';
import { validationError } from '../../http/errors';
import { settle } from '../../submission/respond';
import type { Deps } from './front-door';

/** The cache every front-door request uses: the platform's default (semantic at 0.95, 0 wrong hits on the pairs corpus). */
export const FRONT_DOOR_CACHE: InferenceCache = { mode: 'semantic', threshold: 0.95 };

/** One inference job the front door submits: a chat completion (one item) or a group of batch lines. */
export interface FrontDoorJob {
  model: string;
  parameters: InferenceParameters;
  /** `realtime` for chat completions; `batch` sends the misses through the provider's Batch API. */
  mode: 'realtime' | 'batch';
  /** In the caller's own words: pseudonymized here, with the job id as the vault scope. */
  items: readonly InferenceItem[];
}

/**
 * Submits inference jobs the way `POST /v1/inference` does: each job's worst case is checked against
 * the tenant's work caps (413), then admitted with its budget hold, jobs-at-once and waiting bytes
 * (402/429) all or nothing; the items are pseudonymized with the job id as vault scope and stored
 * apart from the payload before the job is enqueued. The worker then does cache, PII, generation and
 * ledger exactly as for any inference job.
 */
export async function submitFrontDoorJobs(
  deps: Deps,
  request: { tenant: string; jobs: readonly FrontDoorJob[]; requestHash: string; idempotencyKey?: string },
): Promise<SubmitOutcome[]> {
  const { tenant } = request;
  const payloads = request.jobs.map((job) => {
    const payload = inferenceJobs.inference.payload.safeParse({
      model: job.model,
      parameters: job.parameters,
      cache: FRONT_DOOR_CACHE,
      mode: job.mode,
      itemCount: job.items.length,
      purpose: 'answer',
    });
    if (!payload.success) throw validationError(payload.error);
    return payload.data;
  });
  const demands = [];
  for (const [index, job] of request.jobs.entries()) {
    demands.push({ bytes: jsonBytes(job.items), estimate: await estimateInference({ payload: payloads[index]!, items: job.items }, deps.services.registry) });
  }
  const admit = await admitting(deps.services.limits, { tenant, queue: 'inference', jobs: demands });
  const builders = request.jobs.map((job, index) => ({
    build: async (jobId: string) => {
      await storeItems(
        { services: deps.services, redis: deps.redis, prefix: deps.keys.prefix, retentionSeconds: deps.retentionSeconds },
        tenant,
        jobId,
        job.items,
      );
      return payloads[index];
    },
  }));
  return settle(
    submitJobs(deps, { jobName: 'inference', tenant, payloads: builders, requestHash: request.requestHash, idempotencyKey: request.idempotencyKey, admit }),
  );
}
