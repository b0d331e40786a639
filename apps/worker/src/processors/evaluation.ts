import type { evaluationJobs } from '@llmops/contracts';
import type { JobHandlers } from '@llmops/queue';
import { runCacheCalibration } from './evaluation/calibration';
import { runEvaluation } from './evaluation/run';
import type { ProcessorDeps } from '@llmops/services';

/** Handlers of the evaluation job family: evaluations and semantic-cache calibration. */
export function evaluationHandlers(deps: ProcessorDeps): JobHandlers<typeof evaluationJobs> {
  return {
    evaluation: (context) => runEvaluation(deps, context),
    'cache-calibration': (context) => runCacheCalibration(deps, context),
  };
}
