import type { pipelineJobs } from '@llmops/contracts';
import type { JobHandlers } from '@llmops/queue';
import type { ProcessorDeps } from '@llmops/services';
import { pipelineCache } from './generator';
import { runPipeline } from './run';
import type { InferenceSearch } from './search';

/** Handlers of the pipeline family. `search` is the inference family's embedding and retrieval. */
export function pipelineHandlers(deps: ProcessorDeps, search: InferenceSearch): JobHandlers<typeof pipelineJobs> {
  const cache = pipelineCache(deps);
  return { pipeline: (context) => runPipeline(deps, cache, search, context) };
}
