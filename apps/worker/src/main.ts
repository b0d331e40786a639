import { loadOrExit } from '@llmops/config';
import { platformCatalog } from '@llmops/contracts';
import { createLogger } from '@llmops/logger';
import { checkRedis, createRedis } from '@llmops/redis';
import { createJobLifecycle, createPlatformServices, warmUp } from '@llmops/services';
import { traceLogFields } from '@llmops/telemetry';
import { startTracing, tracingConfigOf } from '@llmops/telemetry/sdk';
import { loadWorkerEnv } from './env';
import { createPlatformHandlers } from './handlers';
import { scheduleVectorMaintenance } from './processors/maintenance/schedule';
import { runWorker } from './run';

const env = loadOrExit(() => loadWorkerEnv());
// Tracing starts before anything else runs (off, with no SDK at all, when no OTEL_* asks for it).
const tracingConfig = tracingConfigOf(env, { serviceName: 'llmops-worker', serviceInstanceId: env.WORKER_ID });
const logger = createLogger({ name: 'worker', level: env.LOG_LEVEL, ...(tracingConfig ? { mixin: traceLogFields } : {}) });
const tracing = tracingConfig ? startTracing(tracingConfig, { logger }) : undefined;

try {
  await checkRedis(env.REDIS_URL);
  // The ledger, the call journal, the cache and the vault: jobs wait through a Redis blip on it.
  const redis = createRedis({
    url: env.REDIS_URL,
    role: 'job',
    name: `worker-services:${env.WORKER_ID}`,
    onError: (error) => logger.warn({ err: error.message }, 'redis connection error'),
  });
  const platform = createPlatformServices(env, { redis, prefix: env.QUEUE_PREFIX, vaultTtlSeconds: env.JOB_RETENTION_HOURS * 3600 });
  // Every provider call's retries and waits are logged: on the job's logger where a processor binds it
  // (job and tenant on each line), on the worker's otherwise.
  const services = { ...platform, llm: platform.llm.withContext({ logger }) };
  warmUp();
  const handlers = createPlatformHandlers({ services, redis, prefix: env.QUEUE_PREFIX, logger });
  const lifecycle = createJobLifecycle({ redis, prefix: env.QUEUE_PREFIX, services });
  // A replica that serves the maintenance queue keeps its schedule (an upsert: one scheduler for the fleet).
  if (!env.WORKER_QUEUES || env.WORKER_QUEUES.includes('vector-maintenance')) {
    await scheduleVectorMaintenance({ redis, prefix: env.QUEUE_PREFIX }, env.VECTOR_MAINTENANCE_EVERY_MS, env.JOB_RETENTION_HOURS * 3600);
  }
  await runWorker({
    env,
    catalog: platformCatalog,
    handlers,
    logger,
    lifecycle,
    onClosed: async () => {
      await services.close();
      await redis.quit();
      // The last spans are exported before the process goes (within the shutdown deadline).
      await tracing?.shutdown().catch(() => {});
    },
  });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  logger.fatal({ err: message }, 'worker cannot start');
  console.error(`worker cannot start: ${message}`);
  process.exit(1);
}
