import { DelayedError, UnrecoverableError, WaitingError, type Job, type Queue } from 'bullmq';
import type { RedisClient } from '@llmops/redis';
import { JobEnvelope, type JobDefinition } from '@llmops/contracts';
import { Attr, errorTypeOf, extractTrace, SpanKind, withSpan, type Span } from '@llmops/telemetry';
import { cancelledReason } from './job-view';
import { failureReasonOf, isNonRetriable, retryAfterMsOf, StepWait } from './errors';
import type { JobHandler } from './handler';
import type { PlatformKeys } from './keys';
import type { Logger } from './logger';
import type { JobLifecycle, JobLifecycleEvent } from './lifecycle';
import type { ResultStore } from './results';

/** Why a running handler was told to stop. */
export type StopReason = 'cancel' | 'shutdown' | 'timeout' | 'lock-lost';

export class StopSignal extends Error {
  constructor(readonly reason: StopReason) {
    super(`job stopped: ${reason}`);
    this.name = 'StopSignal';
  }
}

export interface ActiveJobs {
  register(jobId: string, controller: AbortController): void;
  unregister(jobId: string): void;
}

/**
 * Wraps a handler into a BullMQ processor: validates the job on receipt, enforces the timeout, and
 * maps how the handler ended onto queue behaviour (retry, delay without burning an attempt, hand back
 * on shutdown, fail for good).
 */
export function createProcessor(deps: {
  /** A queue handle by name (a flow child reaches its parent through it). */
  queueFor: (name: string) => Queue;
  definition: JobDefinition;
  handler: JobHandler<unknown, unknown>;
  redis: RedisClient;
  keys: PlatformKeys;
  results: ResultStore;
  active: ActiveJobs;
  logger: Logger;
  lifecycle?: JobLifecycle;
  /**
   * After a stop (cancel, shutdown, timeout, lost lock) the handler gets this long to settle before the
   * job is ended anyway, so its in-flight work (calls being aborted, results being written) is done
   * before the job's data is cleaned up or the job runs elsewhere. Default 1,000 ms.
   */
  stopGraceMs?: number;
}) {
  const { definition, handler } = deps;
  const stopGraceMs = deps.stopGraceMs ?? 1_000;
  return async (job: Job, token?: string, bullSignal?: AbortSignal): Promise<unknown> => {
    const jobId = String(job.id);
    const envelope = JobEnvelope.safeParse(job.data);
    const payload = envelope.success ? definition.payload.safeParse(envelope.data.payload) : undefined;
    if (!envelope.success || !payload?.success) {
      const issues = (envelope.success ? payload?.error : envelope.error)?.issues ?? [];
      const detail = issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
      deps.logger.error({ jobId, queue: definition.queue, issues: detail }, 'malformed job rejected');
      throw new UnrecoverableError(`malformed job: ${detail}`);
    }
    const tenant = envelope.data.tenant;
    const attributes = {
      [Attr.messagingSystem]: 'bullmq',
      [Attr.messagingOperation]: 'process',
      [Attr.messagingDestination]: definition.queue,
      [Attr.messagingMessageId]: jobId,
      [Attr.tenant]: tenant,
      [Attr.jobAttempt]: job.attemptsMade + 1,
    };
    const attempt: Attempt = { outcome: 'failed' };
    // The job span continues the trace of the request that enqueued the job (carried in its envelope).
    return withSpan(`job ${definition.queue}`, attributes, (span) => run(job, jobId, tenant, payload.data, { span, attempt }, token, bullSignal), {
      kind: SpanKind.CONSUMER,
      parent: extractTrace(envelope.data.trace),
      scope: '@llmops/queue',
      // A hand-back, a delay or a cancellation ends the attempt by throwing, but is not a failure.
      notAnError: () => !failures.has(attempt.outcome),
    });
  };

  async function run(
    job: Job,
    jobId: string,
    tenant: string,
    payload: unknown,
    trace: { span: Span; attempt: Attempt },
    token?: string,
    bullSignal?: AbortSignal,
  ): Promise<unknown> {
    const logger = deps.logger.child({ jobId, queue: definition.queue, tenant });
    const ended = (outcome: Outcome) => {
      trace.attempt.outcome = outcome;
      trace.span.setAttribute(Attr.jobOutcome, outcome);
    };
    if (await deps.redis.exists(deps.keys.cancelRequest(jobId))) {
      ended('cancelled');
      throw new UnrecoverableError(cancelledReason);
    }
    await deps.lifecycle
      ?.onStart?.(lifecycleEvent(job, definition.queue, tenant))
      .catch((error: unknown) => logger.warn({ err: String(error) }, 'job start hook failed'));

    const controller = new AbortController();
    deps.active.register(jobId, controller);
    const timer = setTimeout(() => controller.abort(new StopSignal('timeout')), definition.timeoutMs);
    const onBullAbort = () => controller.abort(new StopSignal('lock-lost'));
    bullSignal?.addEventListener('abort', onBullAbort, { once: true });
    try {
      const result = await untilAborted(
        handler({
          jobId,
          tenant,
          payload,
          attempt: job.attemptsMade + 1,
          signal: controller.signal,
          reportProgress: (progress) => job.updateProgress(progress),
          results: {
            put: (items) => deps.results.put(jobId, items),
            done: (ids) => deps.results.done(jobId, ids),
          },
          logger,
          parent: parentOf(job, deps),
          childResults: async () => Object.values(await job.getChildrenValues()),
        }),
        controller.signal,
        stopGraceMs,
      );
      ended('completed');
      return result;
    } catch (error) {
      const stop = controller.signal.aborted ? (controller.signal.reason as StopSignal) : undefined;
      ended(outcomeOf(stop, error));
      // What the handler threw (the span's error.type names what BullMQ is handed: UnrecoverableError...).
      if (!stop) trace.span.setAttribute('llmops.job.error_type', errorTypeOf(error));
      if (stop?.reason === 'shutdown') {
        // Hand the job back untouched: another replica starts it at once, no attempt burned.
        await job.moveToWait(token);
        throw new WaitingError();
      }
      if (stop?.reason === 'cancel') throw new UnrecoverableError(cancelledReason);
      if (stop?.reason === 'timeout') throw new Error(`attempt timed out after ${definition.timeoutMs} ms`, { cause: error });
      if (error instanceof StepWait) {
        // A step job waiting for its provider: delayed, no slot held, no attempt used.
        logger.debug?.({ step: error.step, delayMs: error.delayMs }, 'step job waits: delayed until its next check');
        await job.moveToDelayed(Date.now() + error.delayMs, token);
        throw new DelayedError();
      }
      const retryAfterMs = retryAfterMsOf(error);
      if (retryAfterMs !== undefined) {
        logger.warn({ retryAfterMs }, 'rate limited: job delayed without using an attempt');
        await job.moveToDelayed(Date.now() + retryAfterMs, token);
        throw new DelayedError();
      }
      if (isNonRetriable(error)) {
        const reason = failureReasonOf(error);
        const message = error instanceof Error ? error.message : String(error);
        throw new UnrecoverableError(reason ? `${reason}: ${message}` : message);
      }
      throw error;
    } finally {
      clearTimeout(timer);
      bullSignal?.removeEventListener('abort', onBullAbort);
      deps.active.unregister(jobId);
    }
  }
}

/** How an attempt ended, on its job span: a trace viewer tells a hand-back or a delay from a failure. */
type Outcome = 'completed' | 'failed' | 'retry' | 'delayed' | 'step_wait' | 'handed_back' | 'cancelled' | 'timeout' | 'lock-lost';
interface Attempt {
  outcome: Outcome;
}
const failures: ReadonlySet<Outcome> = new Set(['failed', 'retry', 'timeout', 'lock-lost']);

function outcomeOf(stop: StopSignal | undefined, error: unknown): Outcome {
  if (stop) return stop.reason === 'shutdown' ? 'handed_back' : stop.reason === 'cancel' ? 'cancelled' : stop.reason;
  if (error instanceof StepWait) return 'step_wait';
  if (retryAfterMsOf(error) !== undefined) return 'delayed';
  return isNonRetriable(error) ? 'failed' : 'retry';
}

/**
 * Settles with the handler; once the signal aborts, rejects with its reason as soon as the handler has
 * settled or `graceMs` has passed (a handler may ignore the signal).
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal, graceMs: number): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      const timer = setTimeout(() => reject(signal.reason), graceMs);
      const stop = () => (clearTimeout(timer), reject(signal.reason));
      work.then(stop, stop);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** The parent of a flow child: its id (from BullMQ's `prefix:queue` key), progress and results. */
function parentOf(job: Job, deps: { queueFor: (name: string) => Queue; results: ResultStore }) {
  const parent = job.parent;
  if (!parent) return undefined;
  const queueName = parent.queueKey.split(':').at(-1)!;
  const parentId = String(parent.id);
  return {
    jobId: parentId,
    reportProgress: async (progress: number | Record<string, unknown>) => {
      const parentJob = await deps.queueFor(queueName).getJob(parentId);
      await parentJob?.updateProgress(progress);
    },
    results: {
      put: (items: Parameters<ResultStore['put']>[1]) => deps.results.put(parentId, items),
      done: (ids: readonly string[]) => deps.results.done(parentId, ids),
    },
  };
}

/** The lifecycle hooks' view of a job. */
export function lifecycleEvent(job: Job, queue: string, tenant: string): JobLifecycleEvent {
  // attemptsStarted counts this start already (BullMQ increments it as it hands the job over).
  return {
    jobId: String(job.id),
    queue,
    tenant,
    attempt: job.attemptsMade + 1,
    firstStart: job.attemptsStarted <= 1,
    priority: job.opts.priority || undefined,
    enqueuedAt: job.timestamp,
  };
}
