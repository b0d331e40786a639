export { startApiServer, type ApiServer } from './server';
export { createApp } from './app';
export { ApiEnv, loadApiEnv } from './env';
export type { ApiDeps, SubmissionRoute } from './deps';
export { KeyRing } from './auth/key-ring';
