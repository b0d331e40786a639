import { loadOrExit } from '@llmops/config';
import { platformCatalog } from '@llmops/contracts';
import { createLogger } from '@llmops/logger';
import { RedisEvictionPolicyError } from '@llmops/redis';
import { loadApiEnv } from './env';
import { platformSubmissions } from './submissions';
import { startApiServer } from './server';

const env = loadOrExit(() => loadApiEnv(process.env));
const logger = createLogger({ name: 'api', level: env.LOG_LEVEL });

try {
  const server = await startApiServer({ env, catalog: platformCatalog, submissions: platformSubmissions, logger });
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
} catch (error) {
  const message = error instanceof RedisEvictionPolicyError || error instanceof Error ? error.message : String(error);
  logger.fatal({ err: message }, 'api cannot start');
  console.error(`api cannot start: ${message}`);
  process.exit(1);
}
