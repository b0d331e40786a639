import type { JobCatalog } from '@llmops/contracts';
import type { Logger } from '@llmops/logger';
import { startWorkers, type JobHandlers, type JobLifecycle, type WorkerRuntime } from '@llmops/queue';
import { assertNoEviction, createRedis, waitReady } from '@llmops/redis';
import type { WorkerEnv } from './env';

/**
 * Starts a worker replica: refuses an evicting Redis, serves WORKER_QUEUES, and stops on SIGTERM
 * within SHUTDOWN_DEADLINE_MS. main.ts runs it with the platform catalog; tests with their own.
 */
export async function runWorker<C extends JobCatalog>(options: {
  env: WorkerEnv;
  catalog: C;
  handlers: JobHandlers<C>;
  logger: Logger;
  /** Exit the process after a signal-triggered shutdown. Default true. */
  exitOnSignal?: boolean;
  /** Runs after the workers have stopped on a signal (close services, connections). */
  onClosed?: () => Promise<void>;
  /** Limits, fair scheduling and cleanup around jobs. */
  lifecycle?: JobLifecycle;
}): Promise<WorkerRuntime> {
  const { env, logger } = options;
  const probe = createRedis({ url: env.REDIS_URL, role: 'client', name: 'worker-probe', onError: () => {} });
  try {
    await waitReady(probe, env.REDIS_URL);
    await assertNoEviction(probe);
  } finally {
    probe.disconnect();
  }
  const runtime = await startWorkers({
    catalog: options.catalog,
    handlers: options.handlers,
    queues: env.WORKER_QUEUES,
    concurrency: env.WORKER_CONCURRENCY,
    redisUrl: env.REDIS_URL,
    prefix: env.QUEUE_PREFIX,
    workerId: env.WORKER_ID,
    logger,
    retentionSeconds: env.JOB_RETENTION_HOURS * 3600,
    lockDurationMs: env.WORKER_LOCK_MS,
    shutdownDeadlineMs: env.SHUTDOWN_DEADLINE_MS,
    maxStarts: env.JOB_MAX_STARTS,
    lifecycle: options.lifecycle,
  });
  if (options.exitOnSignal !== false) {
    const stop = (signal: string) => {
      logger.info({ signal, deadlineMs: env.SHUTDOWN_DEADLINE_MS }, 'shutting down');
      // The runtime hands jobs back at the deadline; this is the backstop if a close step hangs.
      const force = setTimeout(() => process.exit(1), env.SHUTDOWN_DEADLINE_MS + 5_000);
      force.unref();
      void runtime
        .close()
        .then(() => options.onClosed?.())
        .then(() => process.exit(0));
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  }
  return runtime;
}
