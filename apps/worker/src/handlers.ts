import type { PlatformCatalog } from '@llmops/contracts';
import type { JobHandlers } from '@llmops/queue';

/**
 * One handler per job type in the platform catalog (one processor file per job family). The type
 * makes a missing handler a compile error.
 */
export const platformHandlers: JobHandlers<PlatformCatalog> = {};
