import { pipelineInputsKey, pipelineJobs, type PipelineDefinition, type PipelineInput, type PipelinePayload } from '@llmops/contracts';
import type { RedisClient } from '@llmops/redis';
import { definitionScope, type SavedPipeline } from '../definitions';
import { mapDefinition, mapInput } from './text-map';
import type { VaultMaps } from './vault';

/** Inputs pseudonymized at once and written per HSET. */
const INPUTS_PER_WRITE = 250;

/** Where a submission writes the job's inputs. */
export interface InputStore {
  redis: RedisClient;
  prefix: string;
  /** The inputs expire with the job. */
  retentionSeconds: number;
}

/** What one pipeline job runs: an inline definition, or a saved version (stored pseudonymized in the tenant's definition scope). */
export interface PipelineSubmission {
  tenant: string;
  definition: PipelineDefinition;
  saved?: SavedPipeline;
  inputs: readonly PipelineInput[];
}

/**
 * The job's payload, built once the job id is known (only by the request that creates the job): the
 * inputs are pseudonymized with the job as vault scope and written into its input hash (one field per
 * input), and the definition is pseudonymized with the same scope (a saved one first restored from
 * the tenant's definition scope), so the worker and Redis only ever see the job's pseudonyms.
 */
export async function preparePipelineJob(store: InputStore, vault: VaultMaps, submission: PipelineSubmission, jobId: string): Promise<PipelinePayload> {
  const { tenant, saved } = submission;
  const plain = saved ? await mapDefinition(saved.definition, vault.restore(definitionScope(tenant))) : submission.definition;
  const payload = pipelineJobs.pipeline.payload.parse({
    definition: await mapDefinition(plain, vault.protect(tenant, jobId)),
    ...(saved ? { source: { name: saved.name, version: saved.version } } : {}),
    inputCount: submission.inputs.length,
  });
  await storeInputs(store, vault, tenant, jobId, submission.inputs);
  return payload;
}

async function storeInputs(store: InputStore, vault: VaultMaps, tenant: string, jobId: string, inputs: readonly PipelineInput[]): Promise<void> {
  const protect = vault.protect(tenant, jobId);
  const key = pipelineInputsKey(store.prefix, jobId);
  for (let start = 0; start < inputs.length; start += INPUTS_PER_WRITE) {
    const safe = await Promise.all(inputs.slice(start, start + INPUTS_PER_WRITE).map((input) => mapInput(input, protect)));
    await store.redis
      .multi()
      .hset(key, ...safe.flatMap((input, i) => [String(start + i), JSON.stringify(input)]))
      .expire(key, store.retentionSeconds)
      .exec();
  }
}
