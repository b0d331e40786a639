import type { maintenanceJobs } from '@llmops/contracts';
import type { JobHandlers } from '@llmops/queue';
import { runVectorMaintenance } from './maintenance/run';
import type { ProcessorDeps } from '@llmops/services';

/** Handlers of platform housekeeping (scheduled by `scheduleVectorMaintenance`, never submitted). */
export function maintenanceHandlers(deps: ProcessorDeps): JobHandlers<typeof maintenanceJobs> {
  return { 'vector-maintenance': (context) => runVectorMaintenance(deps, context) };
}
