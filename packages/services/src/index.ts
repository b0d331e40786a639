export { ServicesEnv, ServicesEnvShape } from './env';
export { createPlatformServices, providersFrom, ServicesConfigError, warmUp, type PlatformServices } from './services';
export { renderUsageCounters, recordUsageCounters, usageCounterKey } from './usage-metrics';
export { createJobLifecycle } from './lifecycle';
