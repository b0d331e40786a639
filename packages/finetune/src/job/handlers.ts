import type { fineTuneJobs } from '@llmops/contracts';
import type { JobHandlers } from '@llmops/queue';
import { runFineTune } from './run';
import type { ProcessorDeps } from '@llmops/services';

/** Handlers of the fine-tuning family. */
export function fineTuneHandlers(deps: ProcessorDeps): JobHandlers<typeof fineTuneJobs> {
  return { 'fine-tune': (context) => runFineTune(deps, context) };
}
