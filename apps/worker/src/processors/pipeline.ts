import { createSemanticCache } from '@llmops/cache';
import type { pipelineJobs } from '@llmops/contracts';
import type { JobHandlers } from '@llmops/queue';
import { registerPipelineGenerator } from './pipeline/generator';
import { runPipeline } from './pipeline/run';
import { VECTOR_INDEX_BY_SCHEDULER } from './maintenance/schedule';
import type { ProcessorDeps } from '@llmops/services';

/** Handlers of the pipeline family; also makes saved pipelines available to evaluations as generators. */
export function pipelineHandlers(deps: ProcessorDeps): JobHandlers<typeof pipelineJobs> {
  const cache = createSemanticCache({ redis: deps.redis, prefix: deps.prefix, vectors: deps.services.vectors, maintenance: VECTOR_INDEX_BY_SCHEDULER });
  registerPipelineGenerator(deps, cache);
  return { pipeline: (context) => runPipeline(deps, cache, context) };
}
