import type { pipelineJobs } from '@llmops/contracts';
import { CACHE_EMBEDDING, createEmbedBatcher, retrieve } from '@llmops/inference';
import { pipelineHandlers as handlersWith, type InferenceSearch } from '@llmops/pipelines';
import type { JobHandlers } from '@llmops/queue';
import type { ProcessorDeps } from '@llmops/services';

/** The inference family's embedding and retrieval, as pipeline steps (and pipeline generators) use them. */
export const inferenceSearch: InferenceSearch = { cacheEmbedding: CACHE_EMBEDDING, createEmbedBatcher, retrieve };

/** Handlers of the pipeline family, wired to the inference family's embedding and retrieval. */
export function pipelineHandlers(deps: ProcessorDeps): JobHandlers<typeof pipelineJobs> {
  return handlersWith(deps, inferenceSearch);
}
