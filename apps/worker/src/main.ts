import { loadOrExit } from '@llmops/config';
import { platformCatalog } from '@llmops/contracts';
import { createLogger } from '@llmops/logger';
import { loadWorkerEnv } from './env';
import { platformHandlers } from './handlers';
import { runWorker } from './run';

const env = loadOrExit(() => loadWorkerEnv(process.env));
const logger = createLogger({ name: 'worker', level: env.LOG_LEVEL });

try {
  await runWorker({ env, catalog: platformCatalog, handlers: platformHandlers, logger });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  logger.fatal({ err: message }, 'worker cannot start');
  console.error(`worker cannot start: ${message}`);
  process.exit(1);
}
