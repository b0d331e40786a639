export { ServicesEnv, ServicesEnvShape } from './env';
export { createPlatformServices, providersFrom, ServicesConfigError, warmUp, type PlatformServices } from './services';
export { renderUsageCounters, recordUsageCounters, usageCounterKey } from './usage-metrics';
export { createJobLifecycle } from './lifecycle';
export type { ProcessorDeps } from './processor-deps';
export { BatchStep, BATCH_GIVE_UP_MS, batchStepField, saveBatchStep, readBatchStep, nextCheckMs, pastWindow } from './batch-step';
