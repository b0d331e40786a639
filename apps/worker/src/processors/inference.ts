import type { inferenceJobs } from '@llmops/contracts';
import type { JobHandlers } from '@llmops/queue';
import type { ProcessorDeps } from './types';

/** Handlers of the inference job family. */
export function inferenceHandlers(_deps: ProcessorDeps): JobHandlers<typeof inferenceJobs> {
  return {};
}
