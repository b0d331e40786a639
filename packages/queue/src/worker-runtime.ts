import { Queue, Worker, type Job } from 'bullmq';
import { createRedis } from '@llmops/redis';
import { bullPrefix, type JobCatalog } from '@llmops/contracts';
import { CancelledJobs } from './cancellations';
import { DurationHistogram, failureOutcome, type Outcome } from './durations';
import type { JobHandler, JobHandlers } from './handler';
import { WorkerHeartbeats } from './heartbeat';
import { platformKeys } from './keys';
import type { Logger } from './logger';
import { cancelledReason } from './job-view';
import type { JobLifecycle, JobOutcome } from './lifecycle';
import { createProcessor, lifecycleEvent, StopSignal } from './processor';
import { ResultStore } from './results';

export interface WorkerRuntimeOptions<C extends JobCatalog> {
  catalog: C;
  handlers: JobHandlers<C>;
  /** Queues this replica serves. Default: every queue in the catalog. */
  queues?: readonly string[];
  /** Jobs run at once per queue: one number for all, or per queue name (a job type's `concurrency` caps it). Default 4. */
  concurrency?: number | Record<string, number>;
  /** `redis://...` or, for a Redis Cluster, `redis+cluster://host:port,...` (see @llmops/redis). */
  redisUrl: string;
  /** The deployment prefix (QUEUE_PREFIX); each queue's BullMQ prefix is `bullPrefix(prefix, definition)`. */
  prefix: string;
  /** Shown in heartbeats and logs; unique per replica. */
  workerId: string;
  logger: Logger;
  /** How long item results and finished jobs are kept. */
  retentionSeconds: number;
  /** A job whose worker stops renewing its lock for this long is recovered by another. Default 30 s. */
  lockDurationMs?: number;
  /** How often stalled jobs are looked for. Default half the lock duration. */
  stalledIntervalMs?: number;
  /**
   * The whole of `close()` fits in this: active jobs get it minus a closing reserve (a quarter of it,
   * 1 to 4 s, at most half) to finish, then are handed back to the queue, and every connection is closed (or, if
   * Redis does not answer, dropped) before it ends. Default 25 s.
   */
  shutdownDeadlineMs?: number;
  /** Default 5 s. */
  heartbeatIntervalMs?: number;
  /**
   * A job started this many times (attempts, rate-limit delays, hand-backs, stalls) fails for good, so
   * no job loops forever. Default 50.
   */
  maxStarts?: number;
  /**
   * A job whose worker died (lock lost) this many times fails for good: a job that kills its worker
   * (out of memory) cannot take the fleet down one replica after another. Default 5.
   */
  maxStalls?: number;
  /** Limits, fair scheduling, metrics and cleanup around jobs. Default: none. */
  lifecycle?: JobLifecycle;
}

export interface WorkerRuntime {
  readonly queues: readonly string[];
  /** Waits for active jobs up to the deadline, hands back the rest, closes every connection. Idempotent. */
  close(): Promise<void>;
}

export async function startWorkers<C extends JobCatalog>(options: WorkerRuntimeOptions<C>): Promise<WorkerRuntime> {
  const logger = options.logger.child({ workerId: options.workerId });
  const queues = options.queues ?? Object.keys(options.catalog);
  for (const name of queues) if (!options.catalog[name]) throw new Error(`WORKER_QUEUES names "${name}", which is not a job queue`);
  const keys = platformKeys(options.prefix);
  const onError = (error: Error) => logger.warn({ err: error.message }, 'redis connection error');
  const workerConnection = createRedis({ url: options.redisUrl, role: 'worker', name: `worker:${options.workerId}`, onError });
  // Results, heartbeats, durations: a Redis blip makes them wait, not fail the job's attempt.
  const client = createRedis({ url: options.redisUrl, role: 'job', name: `worker-client:${options.workerId}`, onError });
  const subscriber = createRedis({ url: options.redisUrl, role: 'worker', name: `worker-sub:${options.workerId}`, onError });
  const results = new ResultStore(client, keys, options.retentionSeconds);
  const durations = new DurationHistogram(client, keys);
  const heartbeats = new WorkerHeartbeats(client, keys);
  const cancelledJobs = new CancelledJobs(client, keys, options.retentionSeconds);

  const active = new Map<string, AbortController>();
  const activeJobs = {
    register: (jobId: string, controller: AbortController) => active.set(jobId, controller),
    unregister: (jobId: string) => active.delete(jobId),
  };
  await subscriber.subscribe(keys.cancelChannel);
  subscriber.on('message', (_channel: string, jobId: string) => {
    const controller = active.get(jobId);
    if (controller && !controller.signal.aborted) {
      logger.info({ jobId }, 'cancel requested: stopping job');
      controller.abort(new StopSignal('cancel'));
    }
  });

  const handles = new Map<string, Queue>();
  const queueFor = (name: string) => {
    let queue = handles.get(name);
    const definition = options.catalog[name];
    if (!definition) throw new Error(`no queue "${name}" in the catalog`);
    if (!queue) handles.set(name, (queue = new Queue(name, { connection: client, prefix: bullPrefix(options.prefix, definition) })));
    return queue;
  };
  const lockDuration = options.lockDurationMs ?? 30_000;
  const workers = queues.map((queue) => {
    const definition = options.catalog[queue]!;
    const handler = options.handlers[queue as keyof JobHandlers<C>] as JobHandler<unknown, unknown>;
    const configured = typeof options.concurrency === 'number' ? options.concurrency : (options.concurrency?.[queue] ?? 4);
    // A job type may cap it (scheduled maintenance runs one at a time in a replica).
    const concurrency = Math.min(configured, definition.concurrency ?? configured);
    const worker = new Worker(
      queue,
      createProcessor({
        queueFor,
        definition,
        handler,
        redis: client,
        keys,
        results,
        active: activeJobs,
        logger,
        lifecycle: options.lifecycle,
        // A handed-back job's handler may finish aborting its calls, within the shutdown's closing reserve.
        stopGraceMs: Math.min(1_000, closingReserveMs(options.shutdownDeadlineMs ?? 25_000) / 3),
      }),
      {
        connection: workerConnection,
        prefix: bullPrefix(options.prefix, definition),
        concurrency,
        lockDuration,
        stalledInterval: options.stalledIntervalMs ?? Math.max(1_000, Math.floor(lockDuration / 2)),
        maxStalledCount: options.maxStalls ?? 5,
        maxStartedAttempts: options.maxStarts ?? 50,
        name: options.workerId,
      },
    );
    const ended = (job: Job, outcome: JobOutcome) => {
      const tenant = (job.data as { tenant?: unknown }).tenant;
      if (!options.lifecycle?.onEnd || typeof tenant !== 'string') return;
      options.lifecycle
        .onEnd({ ...lifecycleEvent(job, queue, tenant), outcome })
        .catch((error: unknown) => logger.warn({ jobId: job.id, queue, err: String(error) }, 'job end hook failed'));
    };
    const recordDuration = (job: Job, outcome: Outcome) =>
      void durations
        .record(queue, outcome, elapsedSeconds(job.processedOn, job.finishedOn))
        .catch((error: unknown) => logger.warn({ jobId: job.id, queue, err: String(error) }, 'job duration not recorded'));
    worker.on('completed', (job) => {
      recordDuration(job, 'completed');
      logger.info({ jobId: job.id, queue }, 'job completed');
      ended(job, 'completed');
    });
    worker.on('failed', (job, error) => {
      if (!job) return;
      // A cancelled job's attempt is its own outcome, not a failure.
      recordDuration(job, failureOutcome(job.failedReason));
      logger.warn({ jobId: job.id, queue, attemptsMade: job.attemptsMade, err: error.message }, 'job attempt failed');
      // 'failed' fires for every failed attempt; only a job left in the failed set has ended.
      void job.getState().then(
        (state) => {
          if (state !== 'failed') return;
          ended(job, job.failedReason === cancelledReason ? 'cancelled' : 'failed');
          cancelledJobs
            .noteFailed(queue, job)
            .catch((error: unknown) => logger.warn({ jobId: job.id, queue, err: String(error) }, 'cancelled job not noted for metrics'));
        },
        () => {},
      );
    });
    worker.on('error', (error) => logger.error({ queue, err: error.message }, 'worker error'));
    worker.on('drained', () => {
      options.lifecycle?.onDrained?.(queue).catch((error: unknown) => logger.warn({ queue, err: String(error) }, 'queue drained hook failed'));
    });
    return worker;
  });
  await Promise.all(workers.map((worker) => worker.waitUntilReady()));

  const beat = () => heartbeats.beat(options.workerId).catch(() => {});
  await beat();
  const heartbeat = setInterval(() => void beat(), options.heartbeatIntervalMs ?? 5_000);
  heartbeat.unref();
  logger.info({ queues, lockDurationMs: lockDuration }, 'worker started');

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      const started = Date.now();
      const deadline = options.shutdownDeadlineMs ?? 25_000;
      const reserve = closingReserveMs(deadline);
      // Each step may use the time left until its mark; a step that overruns is abandoned, not awaited.
      const until = <T>(work: Promise<T>, mark: number) => settledBy(work, started + mark - Date.now());
      clearInterval(heartbeat);
      const drained = Promise.all(workers.map((worker) => worker.close()));
      const timer = setTimeout(() => {
        logger.warn({ active: [...active.keys()], deadlineMs: deadline }, 'shutdown: handing active jobs back');
        for (const controller of active.values()) controller.abort(new StopSignal('shutdown'));
      }, deadline - reserve);
      await until(drained, deadline - reserve / 2);
      clearTimeout(timer);
      await until(heartbeats.leave(options.workerId), deadline - reserve / 3);
      await until(Promise.allSettled([...handles.values()].map((queue) => queue.close())), deadline - reserve / 4);
      await until(Promise.allSettled([subscriber.quit(), client.quit(), workerConnection.quit()]), deadline - reserve / 5);
      // A connection that could not say goodbye in time (Redis away) is dropped.
      for (const connection of [subscriber, client, workerConnection]) if (connection.status !== 'end') connection.disconnect();
      logger.info({ tookMs: Date.now() - started, deadlineMs: deadline }, 'worker stopped');
    })();
    return closing;
  };
  return { queues, close };
}

/** Time kept at the end of a shutdown for handing jobs back and closing connections. */
export function closingReserveMs(deadlineMs: number): number {
  return Math.min(4_000, Math.max(1_000, deadlineMs / 4), deadlineMs / 2);
}

/** Resolves when `work` settles or after `ms`, whichever is first (never rejects). */
function settledBy(work: Promise<unknown>, ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    work.then(
      () => (clearTimeout(timer), resolve()),
      () => (clearTimeout(timer), resolve()),
    );
  });
}

function elapsedSeconds(start?: number, end?: number): number {
  return start && end ? Math.max(0, (end - start) / 1000) : 0;
}
