import type { Server } from 'node:http';
import type { JobCatalog } from '@llmops/contracts';
import type { Logger } from '@llmops/logger';
import { assertNoEviction, createRedis, waitForReplicas, waitReady, type RedisClient } from '@llmops/redis';
import { CancelledJobs, createJobQueues, DurationHistogram, platformKeys, QueueWatchers, ResultStore, TenantJobIndex, WorkerHeartbeats } from '@llmops/queue';
import { createApp } from './app';
import { KeyRing } from './auth/key-ring';
import { createJobLifecycle, type PlatformServices } from '@llmops/services';
import type { ApiDeps, Feature, SubmissionRoute } from './deps';
import type { ApiEnv } from './env';

export interface ApiServer {
  url: string;
  port: number;
  /** Stops accepting requests, closes streams and connections. Idempotent. */
  close(): Promise<void>;
}

/**
 * Wires the API from its environment and a job catalog: checks Redis (refusing an evicting one),
 * opens queues and event streams, and listens. main.ts calls it with the platform's catalog; tests
 * call it with their own.
 */
export async function startApiServer(options: {
  env: ApiEnv;
  catalog: JobCatalog;
  submissions: readonly SubmissionRoute[];
  logger: Logger;
  /** Job families' routes (need `services`). Default: none. */
  features?: readonly Feature[];
  /** Built by main.ts from the environment; the machinery's tests run without. */
  services?: PlatformServices;
}): Promise<ApiServer> {
  const { env, logger } = options;
  const onError = (error: Error) => logger.warn({ err: error.message }, 'redis connection error');
  const redis = createRedis({ url: env.REDIS_URL, role: 'producer', name: 'api', onError });
  const eventsConnection = createRedis({ url: env.REDIS_URL, role: 'worker', name: 'api-events', onError });
  try {
    await waitReady(redis, env.REDIS_URL);
    await assertNoEviction(redis);
  } catch (error) {
    redis.disconnect();
    eventsConnection.disconnect();
    throw error;
  }
  const keyRing = KeyRing.merge(
    ...(env.API_KEYS ? [KeyRing.fromPlainList(env.API_KEYS)] : []),
    ...(env.API_KEYS_FILE ? [KeyRing.fromHashFile(env.API_KEYS_FILE)] : []),
  );
  const retentionSeconds = env.JOB_RETENTION_HOURS * 3600;
  const keys = platformKeys(env.QUEUE_PREFIX);
  const queues = createJobQueues({ catalog: options.catalog, connection: redis, prefix: env.QUEUE_PREFIX, retentionSeconds });
  const watchers = new QueueWatchers({ queues, connection: eventsConnection });

  const deps: ApiDeps = {
    catalog: options.catalog,
    submissions: options.submissions,
    queues,
    watchers,
    cancelledJobs: new CancelledJobs(redis, keys, retentionSeconds),
    redis,
    keys,
    results: new ResultStore(redis, keys, retentionSeconds),
    tenantJobs: new TenantJobIndex(redis, keys, retentionSeconds * 1000),
    heartbeats: new WorkerHeartbeats(redis, keys),
    durations: new DurationHistogram(redis, keys),
    keyRing,
    adminToken: env.ADMIN_TOKEN,
    bodyLimitBytes: env.BODY_LIMIT,
    retentionSeconds,
    readyWorkerWindowMs: env.READY_WORKER_WINDOW_SECONDS * 1000,
    logger,
    bullBoardWrites: env.BULL_BOARD_WRITES,
    metricsToken: env.METRICS_TOKEN,
    services: options.services,
    features: options.features ?? [],
    lifecycle: createJobLifecycle({ redis, prefix: env.QUEUE_PREFIX, services: options.services }),
    replicated: env.REDIS_WAIT_REPLICAS > 0 ? replicatedBy(redis, env.REDIS_WAIT_REPLICAS, env.REDIS_WAIT_TIMEOUT_MS, logger) : undefined,
  };
  const app = createApp(deps, { trustProxy: env.TRUST_PROXY });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(env.PORT, env.HOST, () => resolve(listening));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  logger.info({ port, queues: queues.names, tenants: keyRing.size }, 'api listening');

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close() {
      closing ??= (async () => {
        server.closeIdleConnections();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Event streams stay open by design: end them so close() does not wait for clients.
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
        await closed;
        await watchers.close();
        await queues.close();
        await Promise.allSettled([redis.quit(), eventsConnection.quit()]);
      })();
      return closing;
    },
  };
}

/** WAIT for replicas before a submission's 202; a short count is logged, never an error (the jobs exist). */
function replicatedBy(redis: RedisClient, replicas: number, timeoutMs: number, logger: Logger): () => Promise<void> {
  return async () => {
    const acked = await waitForReplicas(redis, replicas, timeoutMs).catch(() => 0);
    if (acked < replicas) logger.warn({ acked, wanted: replicas, timeoutMs }, 'accepted jobs not yet on a replica (REDIS_WAIT_REPLICAS)');
  };
}
