import { cacheCalibrationHandlers } from '@llmops/cache';
import type { evaluationJobs } from '@llmops/contracts';
import { evaluationHandlers as evaluationJobHandlers } from '@llmops/eval';
import type { JobHandlers } from '@llmops/queue';
import type { ProcessorDeps } from '@llmops/services';
import { generateWithPipeline } from '@llmops/pipelines';

/** Handlers of the evaluation job family: evaluations (@llmops/eval) and semantic-cache calibration (@llmops/cache). */
export function evaluationHandlers(deps: ProcessorDeps): JobHandlers<typeof evaluationJobs> {
  return { ...evaluationJobHandlers({ ...deps, generateWithPipeline }), ...cacheCalibrationHandlers(deps) };
}
