import type { evaluationJobs } from '@llmops/contracts';
import type { JobHandlers } from '@llmops/queue';
import { runEvaluation, type EvaluationJobDeps } from './run';

/**
 * The `evaluation` job's handler. The family's other job, `cache-calibration`, is @llmops/cache's
 * (`cacheCalibrationHandlers`): the cache depends on this package, not the other way round.
 */
export function evaluationHandlers(deps: EvaluationJobDeps): Pick<JobHandlers<typeof evaluationJobs>, 'evaluation'> {
  return { evaluation: (context) => runEvaluation(deps, context) };
}
