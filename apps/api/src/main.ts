import { loadOrExit } from '@llmops/config';
import { platformCatalog } from '@llmops/contracts';
import { createLogger } from '@llmops/logger';
import { checkRedis, createRedis } from '@llmops/redis';
import { createPlatformServices, warmUp } from '@llmops/services';
import { traceLogFields } from '@llmops/telemetry';
import { startTracing, tracingConfigOf } from '@llmops/telemetry/sdk';
import { loadApiEnv } from './env';
import { platformFeatures } from './features';
import { startApiServer } from './server';

const env = loadOrExit(() => loadApiEnv());
// Tracing starts before anything else runs (off, with no SDK at all, when no OTEL_* asks for it).
const tracingConfig = tracingConfigOf(env, { serviceName: 'llmops-api' });
const logger = createLogger({ name: 'api', level: env.LOG_LEVEL, ...(tracingConfig ? { mixin: traceLogFields } : {}) });
const tracing = tracingConfig ? startTracing(tracingConfig, { logger }) : undefined;

try {
  await checkRedis(env.REDIS_URL);
  const redis = createRedis({
    url: env.REDIS_URL,
    role: 'client',
    name: 'api-services',
    onError: (error) => logger.warn({ err: error.message }, 'redis connection error'),
  });
  const services = createPlatformServices(env, { redis, prefix: env.QUEUE_PREFIX, vaultTtlSeconds: env.JOB_RETENTION_HOURS * 3600 });
  warmUp();
  const server = await startApiServer({ env, catalog: platformCatalog, submissions: [], features: platformFeatures, services, logger });
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void server
      .close()
      .then(() => services.close())
      .then(() => redis.quit())
      // The last spans are exported before the process goes.
      .then(() => tracing?.shutdown().catch(() => {}))
      .then(() => process.exit(0));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  logger.fatal({ err: message }, 'api cannot start');
  console.error(`api cannot start: ${message}`);
  process.exit(1);
}
