import type { SemanticCache } from '@llmops/cache';
import { inferenceItemsKey, InferenceItem, type InferencePayload, readJson } from '@llmops/contracts';
import { wasteOf } from '@llmops/llm';
import { NonRetriableError, type JobContext } from '@llmops/queue';
import type { ProcessorDeps } from '@llmops/services';
import { CACHE_EMBEDDING, createEmbedBatcher } from './embedder';
import type { ItemRun } from './item';

// What both ways of running an inference job (item by item, or through the provider's Batch API) share.

/** Items read from Redis at a time: memory holds about this many items, never the whole job. */
export const ITEMS_PER_READ = 200;

/** An item's index and its parsed content, read lazily page by page. */
export async function* readItems(deps: ProcessorDeps, jobId: string, count: number): AsyncGenerator<{ index: number; item: InferenceItem }> {
  const key = inferenceItemsKey(deps.prefix, jobId);
  for (let start = 0; start < count; start += ITEMS_PER_READ) {
    const fields = Array.from({ length: Math.min(ITEMS_PER_READ, count - start) }, (_, i) => String(start + i));
    const raw = await deps.redis.hmget(key, ...fields);
    for (let i = 0; i < raw.length; i++) {
      const value = raw[i];
      if (value == null) throw new NonRetriableError(`item ${start + i} of job ${jobId} is missing (expired or never written)`);
      yield { index: start + i, item: readJson(InferenceItem, value) };
    }
  }
}

/** The job-wide state every item of it runs with (services bound to the job's logger, embedders). */
export function itemRun(deps: ProcessorDeps, cache: SemanticCache, context: JobContext<InferencePayload>): ItemRun {
  const base = { tenant: context.tenant, jobId: context.jobId, jobType: 'inference', signal: context.signal };
  // Every provider call of the job logs its retries and waits on the job's logger (job and tenant).
  const services = { ...deps.services, llm: deps.services.llm.withContext({ logger: context.logger }) };
  const makeEmbedder = (model: string) => createEmbedBatcher(services.llm, base, { model });
  return {
    services,
    cache,
    tenant: context.tenant,
    jobId: context.jobId,
    payload: context.payload,
    signal: context.signal,
    cacheEmbed: createEmbedBatcher(services.llm, base, CACHE_EMBEDDING),
    ragEmbedders: new Map(),
    makeEmbedder,
  };
}

/** What the job's provider calls cost without being used (answers billed twice, calls of unknown outcome). */
export async function jobWaste(run: ItemRun, context: JobContext<InferencePayload>) {
  return wasteOf(await run.services.llm.withContext({ jobType: 'inference' }).jobSpend({ tenant: context.tenant, jobId: context.jobId }));
}
