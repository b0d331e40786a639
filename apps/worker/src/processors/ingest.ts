import type { ingestJobs } from '@llmops/contracts';
import type { JobHandlers } from '@llmops/queue';
import type { ProcessorDeps } from './types';

/** Handlers of the ingest job family. */
export function ingestHandlers(_deps: ProcessorDeps): JobHandlers<typeof ingestJobs> {
  return {};
}
