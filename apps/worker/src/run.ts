import type { JobCatalog } from '@llmops/contracts';
import type { Logger } from '@llmops/logger';
import { startWorkers, type JobHandlers, type JobLifecycle, type WorkerRuntime } from '@llmops/queue';
import { assertNoEviction, createRedis, waitReady } from '@llmops/redis';
import type { WorkerEnv } from './env';

/** Kept between the end of the shutdown and the deadline, for the process to exit. */
const EXIT_MARGIN_MS = 50;

/** Resolves when `work` settles or after `ms` (never rejects): a slow close step is abandoned, not awaited. */
function settledBy(work: Promise<unknown> | undefined, ms: number): Promise<void> {
  if (!work || ms <= 0) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = () => (clearTimeout(timer), resolve());
    work.then(done, done);
  });
}

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
    maxStalls: env.JOB_MAX_STALLS,
    lifecycle: options.lifecycle,
  });
  if (options.exitOnSignal !== false) {
    const stop = (signal: string) => {
      const deadline = Date.now() + env.SHUTDOWN_DEADLINE_MS;
      logger.info({ signal, deadlineMs: env.SHUTDOWN_DEADLINE_MS }, 'shutting down');
      // The runtime hands jobs back and closes its connections within the deadline; the services get
      // what is left of it. This is the backstop if a step hangs: the process never outlives the deadline.
      const force = setTimeout(() => process.exit(1), Math.max(0, deadline - Date.now() - EXIT_MARGIN_MS));
      force.unref();
      void runtime
        .close()
        .then(() => settledBy(options.onClosed?.(), deadline - Date.now() - EXIT_MARGIN_MS))
        .then(() => process.exit(0));
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  }
  return runtime;
}
