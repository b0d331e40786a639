import type { evaluationJobs } from '@llmops/contracts';
import type { JobHandlers } from '@llmops/queue';
import type { ProcessorDeps } from './types';

/** Handlers of the evaluation job family. */
export function evaluationHandlers(_deps: ProcessorDeps): JobHandlers<typeof evaluationJobs> {
  return {};
}
