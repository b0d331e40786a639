import type { PlatformCatalog } from '@llmops/contracts';
import type { JobHandlers } from '@llmops/queue';
import { evaluationHandlers } from './processors/evaluation';
import { fineTuneHandlers } from '@llmops/finetune';
import { inferenceHandlers } from '@llmops/inference';
import { ingestHandlers } from '@llmops/ingest';
import { maintenanceHandlers } from './processors/maintenance';
import { pipelineHandlers } from './processors/pipeline';
import type { ProcessorDeps } from '@llmops/services';

/**
 * One handler per job type in the platform catalog (one processor file per job family). The type
 * makes a missing handler a compile error.
 */
export function createPlatformHandlers(deps: ProcessorDeps): JobHandlers<PlatformCatalog> {
  return {
    ...ingestHandlers(deps),
    ...inferenceHandlers(deps),
    ...evaluationHandlers(deps),
    ...pipelineHandlers(deps),
    ...fineTuneHandlers(deps),
    ...maintenanceHandlers(deps),
  };
}
