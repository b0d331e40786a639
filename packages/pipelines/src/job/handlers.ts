import { createSemanticCache, INDEX_BY_SCHEDULER } from '@llmops/cache';
import type { pipelineJobs } from '@llmops/contracts';
import type { JobHandlers } from '@llmops/queue';
import type { ProcessorDeps } from '@llmops/services';
import { registerPipelineGenerator } from './generator';
import { runPipeline } from './run';
import type { InferenceSearch } from './search';

/**
 * Handlers of the pipeline family; also makes saved pipelines available to evaluations as generators
 * (`generateWithPipeline`). `search` is the inference family's embedding and retrieval.
 */
export function pipelineHandlers(deps: ProcessorDeps, search: InferenceSearch): JobHandlers<typeof pipelineJobs> {
  const cache = createSemanticCache({ redis: deps.redis, prefix: deps.prefix, vectors: deps.services.vectors, maintenance: INDEX_BY_SCHEDULER });
  registerPipelineGenerator(deps, cache, search);
  return { pipeline: (context) => runPipeline(deps, cache, search, context) };
}
