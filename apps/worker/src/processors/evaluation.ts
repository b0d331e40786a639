import { cacheCalibrationHandlers } from '@llmops/cache';
import type { evaluationJobs } from '@llmops/contracts';
import { evaluationHandlers as evaluationJobHandlers } from '@llmops/eval';
import { createPipelineGenerator } from '@llmops/pipelines';
import type { JobHandlers } from '@llmops/queue';
import type { ProcessorDeps } from '@llmops/services';
import { inferenceSearch } from './pipeline';

/**
 * Handlers of the evaluation job family: evaluations (@llmops/eval, with saved pipelines as
 * generators) and semantic-cache calibration (@llmops/cache).
 */
export function evaluationHandlers(deps: ProcessorDeps): JobHandlers<typeof evaluationJobs> {
  const generateWithPipeline = createPipelineGenerator(deps, inferenceSearch);
  return { ...evaluationJobHandlers({ ...deps, generateWithPipeline }), ...cacheCalibrationHandlers(deps) };
}
