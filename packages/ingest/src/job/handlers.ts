import type { ingestJobs } from '@llmops/contracts';
import type { JobHandlers } from '@llmops/queue';
import { runIngest, runIngestPart } from './run';
import type { ProcessorDeps } from '@llmops/services';

/** Handlers of the ingest job family: an upload, and a part of a large (fanned-out) upload. */
export function ingestHandlers(deps: ProcessorDeps): JobHandlers<typeof ingestJobs> {
  return {
    ingest: (context) => runIngest(deps, context),
    'ingest-part': (context) => runIngestPart(deps, context),
  };
}
