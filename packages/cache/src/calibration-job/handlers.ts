import type { evaluationJobs } from '@llmops/contracts';
import type { JobHandlers } from '@llmops/queue';
import type { ProcessorDeps } from '@llmops/services';
import { runCacheCalibration } from './run';

/** The `cache-calibration` job's handler (a job of the evaluation family, kept beside the cache it measures). */
export function cacheCalibrationHandlers(deps: ProcessorDeps): Pick<JobHandlers<typeof evaluationJobs>, 'cache-calibration'> {
  return { 'cache-calibration': (context) => runCacheCalibration(deps, context) };
}
