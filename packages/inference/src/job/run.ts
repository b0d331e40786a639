import type { SemanticCache } from '@llmops/cache';
import { inferenceJobs, type InferenceItem, type InferenceItemResult, type InferencePayload, type InferenceSummary } from '@llmops/contracts';
import { NonRetriableError, mapPool, retryAfterMsOf, type JobContext } from '@llmops/queue';
import { FatalError } from '@llmops/llm';
import type { ProcessorDeps } from '@llmops/services';
import { runBatchMode } from './batch-mode';
import { answer, fromCache, prepare, type ItemRun } from './item';
import { ITEMS_PER_READ, itemRun, jobWaste, readItems } from './job';
import { summarize } from './summary';
import { cacheLookupSpan, itemSpan } from './tracing';

/** Items in flight at once within a job (the shared limiter still decides when each call goes). */
export const ITEM_CONCURRENCY = 16;
/** Tries per item inside one job attempt before the job itself is retried. */
const ITEM_TRIES = 2;

/**
 * One inference job. Items stream from Redis; those a previous attempt finished are skipped (their
 * results exist), the rest run ITEM_CONCURRENCY at a time. A failing item is retried alone; if it
 * still fails the job is retried (only unfinished items run again) until the last attempt, which
 * records the item as failed. Totals are summed from the stored results, so they count each item once.
 */
export async function runInference(deps: ProcessorDeps, cache: SemanticCache, context: JobContext<InferencePayload>): Promise<InferenceSummary> {
  const { payload, jobId } = context;
  if (payload.mode === 'batch') return runBatchMode(deps, cache, context);
  const run = itemRun(deps, cache, context);
  const lastAttempt = context.attempt >= inferenceJobs.inference.attempts;
  let finished = 0;
  let deferred = 0;
  let progressAt = 0;

  // The first error that stops the job (a spent budget, a 429 past the retry budget...) stops the pool
  // from taking another item, while items already in flight finish and keep their results.
  await mapPool(pendingItems(deps, context), ITEM_CONCURRENCY, async ({ index, item, skippedBefore }) => {
    context.signal.throwIfAborted();
    const result = await itemSpan(jobId, index, () => runItem(run, item, lastAttempt));
    if (result === 'deferred') {
      deferred += 1;
      return;
    }
    await context.results.put([{ id: item.id, index, result }]);
    finished += 1;
    if (finished - progressAt >= 25) {
      progressAt = finished;
      await context.reportProgress({ items: { done: skippedBefore + finished, total: payload.itemCount } });
    }
  });
  if (deferred > 0) throw new Error(`${deferred} items failed in this attempt; the job is retried for them alone`);
  await context.reportProgress({ items: { done: payload.itemCount, total: payload.itemCount } });
  return { ...(await summarize(deps, jobId, payload.itemCount)), wasted: await jobWaste(run, context) };
}

/** Items without a result yet; a shared iterator, so concurrent workers each take the next one. */
async function* pendingItems(deps: ProcessorDeps, context: JobContext<InferencePayload>) {
  let batch: { index: number; item: InferenceItem }[] = [];
  let skipped = 0;
  const flush = async function* () {
    const done = await context.results.done(batch.map((b) => b.item.id));
    skipped += done.size;
    for (const entry of batch) if (!done.has(entry.item.id)) yield { ...entry, skippedBefore: skipped };
    batch = [];
  };
  for await (const entry of readItems(deps, context.jobId, context.payload.itemCount)) {
    batch.push(entry);
    if (batch.length >= ITEMS_PER_READ) yield* flush();
  }
  yield* flush();
}

/** Cache first, then the provider; retried alone on failure. 'deferred' leaves it to the job's retry. */
async function runItem(run: ItemRun, item: InferenceItem, lastAttempt: boolean): Promise<InferenceItemResult | 'deferred'> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= ITEM_TRIES; attempt++) {
    try {
      const prepared = prepare(run, item);
      const mode = run.payload.cache.mode;
      const cached = mode === 'off' ? await fromCache(run, prepared) : await cacheLookupSpan(mode, () => fromCache(run, prepared));
      if (cached.result.cache.outcome === 'hit') return cached.result;
      return await answer(run, prepared, cached.vector);
    } catch (error) {
      // A 429 beyond the retry budget, a cancellation or a shutdown: stop the job (it is delayed or ends).
      if (retryAfterMsOf(error) !== undefined || run.signal.aborted || stopsJob(error)) throw error;
      lastError = error;
      if (isFatal(error)) break;
    }
  }
  if (!lastAttempt && !isFatal(lastError)) return 'deferred';
  return {
    status: 'failed',
    error: lastError instanceof Error ? lastError.message : String(lastError),
    cache: { outcome: 'miss' },
    usage: { inputTokens: 0, outputTokens: 0 },
    costNanoUsd: '0',
    savedNanoUsd: '0',
    savedTokens: 0,
    documents: [],
  };
}

/** This item's request can never succeed (its input): the item fails, the job goes on. */
function isFatal(error: unknown): boolean {
  return error instanceof FatalError || error instanceof NonRetriableError;
}

/** Every further call would be refused alike (credentials, model, credit, the tenant's budget): stop the job. */
function stopsJob(error: unknown): boolean {
  return error instanceof FatalError && error.stopsJob;
}
