// One API process for benches, as a deployment runs it: tracing started first from the OTEL_*
// variables (off when unset, as apps/api/src/main.ts does), real platform services (limits: rate
// guard, admission, fair scheduling), the no-op job type's routes, nothing else. Forked by
// startBenchApi (./bench-api.ts): sends `{ url }` over IPC once listening, `{ cpuUs }` when asked
// 'cpu'; on 'close' (or on disconnect) flushes its spans and exits.
import { createLogger } from '@llmops/logger';
import { createRedis } from '@llmops/redis';
import { createPlatformServices } from '@llmops/services';
import { traceLogFields } from '@llmops/telemetry';
import { startTracing, tracingConfigOf } from '@llmops/telemetry/sdk';
import { loadApiEnv } from '../../src/env';
import { startApiServer } from '../../src/server';
import { noopBody, noopCatalog } from './noop-catalog';

const env = loadApiEnv();
const tracingConfig = tracingConfigOf(env, { serviceName: 'bench-api' });
const logger = createLogger({ name: 'bench-api', level: env.LOG_LEVEL, ...(tracingConfig ? { mixin: traceLogFields } : {}) });
const tracing = tracingConfig ? startTracing(tracingConfig, { logger }) : undefined;
const redis = createRedis({ url: env.REDIS_URL, role: 'client', name: 'bench-api-services' });
const services = createPlatformServices(env, { redis, prefix: env.QUEUE_PREFIX, vaultTtlSeconds: 3600 });
const api = await startApiServer({
  env,
  catalog: noopCatalog,
  submissions: [{ path: '/v1/bench-noop', job: 'bench-noop', summary: 'bench', body: noopBody }],
  services,
  logger,
});

let closing = false;
const close = async () => {
  if (closing) return;
  closing = true;
  await api.close();
  await services.close();
  await redis.quit();
  await tracing?.shutdown();
  // process.exit, not a natural end: --cpu-prof writes its profile on exit either way.
  process.exit(0);
};
process.on('message', (message) => {
  if (message === 'close') void close();
  // CPU time used so far (user + system, µs): a per-job cost less sensitive to load than wall time.
  if (message === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuUs: user + system });
  }
});
process.on('disconnect', () => void close());
process.send?.({ url: api.url });
