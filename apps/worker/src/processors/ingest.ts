import type { ingestJobs } from '@llmops/contracts';
import type { JobHandlers } from '@llmops/queue';
import { runIngest } from './ingest/run';
import type { ProcessorDeps } from './types';

/** Handlers of the ingest job family. */
export function ingestHandlers(deps: ProcessorDeps): JobHandlers<typeof ingestJobs> {
  return {
    ingest: (context) => runIngest(deps, context),
  };
}
