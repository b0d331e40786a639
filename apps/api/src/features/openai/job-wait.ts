import type { EventEmitter } from 'node:events';
import type { QueueEvents } from 'bullmq';
import { InferenceItemResult } from '@llmops/contracts';
import { cancelJob } from '@llmops/queue';
import { HttpError } from '../../http/errors';
import type { Deps } from './front-door';

/** How a job the front door waits for ended. */
export type JobEnd = { state: 'completed' } | { state: 'failed'; reason: string } | { state: 'gone' };

/**
 * Longest a chat completion waits for its job: the openai SDK's own default timeout (10 min), so the
 * client gives up no earlier than the API does.
 */
export const CHAT_WAIT_MS = 600_000;

/**
 * Resolves when an inference job ends, from the inference queue's event stream (held open while it
 * waits). Listeners go on first and the state is read after, so an end that happened before the
 * subscription is seen too. Rejects with the signal's reason when the caller goes away, and with a 504 after `timeoutMs`.
 */
export async function waitForJobEnd(deps: Deps, jobId: string, options: { signal: AbortSignal; timeoutMs: number }): Promise<JobEnd> {
  const watch = await deps.watchers.watch('inference');
  try {
    return await waitOn(deps, watch.events, jobId, options);
  } finally {
    watch.release();
  }
}

function waitOn(deps: Deps, events: QueueEvents, jobId: string, options: { signal: AbortSignal; timeoutMs: number }): Promise<JobEnd> {
  const queue = deps.queues.get('inference');
  // QueueEvents also emits `<event>:<jobId>` (what BullMQ's own waitUntilFinished listens to), which its listener types leave out.
  const emitter = events as unknown as EventEmitter;
  return new Promise<JobEnd>((resolve, reject) => {
    let settled = false;
    const names = { completed: `completed:${jobId}`, failed: `failed:${jobId}`, removed: `removed:${jobId}` };
    const onCompleted = () => finish(() => resolve({ state: 'completed' }));
    const onFailed = (args: { failedReason?: string }) => finish(() => resolve({ state: 'failed', reason: args.failedReason ?? '' }));
    const onRemoved = () => finish(() => resolve({ state: 'gone' }));
    const onAbort = () => finish(() => reject(options.signal.reason));
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(new HttpError(504, 'timeout', `the model did not answer within ${Math.round(options.timeoutMs / 1000)} s; the request was cancelled`)),
        ),
      options.timeoutMs,
    );
    function finish(settle: () => void) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      emitter.off(names.completed, onCompleted).off(names.failed, onFailed).off(names.removed, onRemoved);
      options.signal.removeEventListener('abort', onAbort);
      settle();
    }
    emitter.on(names.completed, onCompleted).on(names.failed, onFailed).on(names.removed, onRemoved);
    options.signal.addEventListener('abort', onAbort, { once: true });
    if (options.signal.aborted) return onAbort();
    void (async () => {
      const job = await queue.getJob(jobId);
      if (!job) return onRemoved();
      const state = await job.getState();
      if (state === 'completed') onCompleted();
      else if (state === 'failed') onFailed({ failedReason: (await queue.getJob(jobId))?.failedReason });
    })().catch((error: unknown) => finish(() => reject(error)));
  });
}

/** The one item result of a completed chat job, parsed with the schema the worker wrote it with. */
export async function readOnlyResult(deps: Deps, jobId: string): Promise<InferenceItemResult | undefined> {
  const page = await deps.results.page(jobId, { limit: 1 });
  const first = page.items[0];
  return first ? InferenceItemResult.parse(first.result) : undefined;
}

/** Stops a job whose answer nobody will read (the client went away, or the wait timed out). */
export async function abandonJob(deps: Deps, jobId: string): Promise<void> {
  const job = await deps.queues.get('inference').getJob(jobId);
  if (job) await cancelJob({ ...deps, lifecycle: deps.lifecycle }, job);
}
