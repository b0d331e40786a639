// One API process for benches, as a deployment runs it: real platform services (limits: rate guard,
// admission, fair scheduling), the no-op job type's routes, nothing else. Forked by a bench with the
// API's environment; sends `{ url }` over IPC once listening and exits on 'close' (or on disconnect).
import { createLogger } from '@llmops/logger';
import { createRedis } from '@llmops/redis';
import { createPlatformServices } from '@llmops/services';
import { loadApiEnv } from '../../src/env';
import { startApiServer } from '../../src/server';
import { noopBody, noopCatalog } from './noop-catalog';

const env = loadApiEnv();
const logger = createLogger({ name: 'bench-api', level: env.LOG_LEVEL });
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
  // process.exit, not a natural end: --cpu-prof writes its profile on exit either way.
  process.exit(0);
};
process.on('message', (message) => {
  if (message === 'close') void close();
});
process.on('disconnect', () => void close());
process.send?.({ url: api.url });
