import { z } from 'zod';
import { readJson } from '@llmops/contracts';
import { BATCH_WINDOW_MS, type SpendHold } from '@llmops/llm';
import { nextStepWaitMs } from '@llmops/queue';
import type { RedisClient } from '@llmops/redis';

// A provider batch a job waits for as a step job (inference batch mode, batch judging): its id is
// saved with what a later run needs to check it (when it went out, its spend hold), the job moves
// itself to delayed between checks, and a batch past its window is given up and sent again.

/** What a later run needs to check a submitted batch. */
export const BatchStep = z.object({
  /** When the batch was submitted (ms): the checks are spaced by how long it has run. */
  submittedAt: z.number(),
  /** The spend hold kept for the batch while it runs, settled when it ends. */
  hold: z.object({ tenant: z.string(), id: z.string() }).optional(),
});
export type BatchStep = z.infer<typeof BatchStep>;

/** How long a batch may run before it is given up (the provider expires it at its window). */
export const BATCH_GIVE_UP_MS = BATCH_WINDOW_MS + 3_600_000;
/** Longest wait between two checks (the checks of a whole window stay near 25). */
const MAX_CHECK_WAIT_MS = 6 * 3_600_000;
/** Batch ids and their step state are kept a little longer than a batch may run. */
const KEEP_SECONDS = 7 * 86_400;

/**
 * The hash field of a batch's step state, beside the job's other batch fields (item or slice ->
 * batch id): `#` never appears in an item id or a slice hash, so the two cannot collide.
 */
export const batchStepField = (batchId: string) => `#batch:${batchId}`;

/** Saves a submitted batch: `fields` (item or slice -> batch id) and its step state, in one transaction. */
export async function saveBatchStep(
  redis: RedisClient,
  key: string,
  batchId: string,
  hold: SpendHold | undefined,
  fields: readonly string[],
  now = Date.now(),
): Promise<void> {
  const step: BatchStep = { submittedAt: now, ...(hold ? { hold: { tenant: hold.tenant, id: hold.id } } : {}) };
  await redis
    .multi()
    .hset(key, ...fields.flatMap((field) => [field, batchId]), batchStepField(batchId), JSON.stringify(step))
    .expire(key, KEEP_SECONDS)
    .exec();
}

/** The step state of a batch a previous run submitted (absent for a batch saved before step jobs). */
export async function readBatchStep(redis: RedisClient, key: string, batchId: string): Promise<BatchStep | undefined> {
  const raw = await redis.hget(key, batchStepField(batchId));
  return raw ? readJson(BatchStep, raw) : undefined;
}

/** The wait before the next check of these running batches: the soonest any of them is due. */
export function nextCheckMs(steps: readonly (BatchStep | undefined)[], minMs: number, now = Date.now()): number {
  return Math.min(...steps.map((step) => nextStepWaitMs(now - (step?.submittedAt ?? now), { minMs, maxMs: MAX_CHECK_WAIT_MS })));
}

/** A batch that ran past its window plus an hour: its lines are sent again in a new batch. */
export function pastWindow(step: BatchStep | undefined, now = Date.now()): boolean {
  return step !== undefined && now - step.submittedAt > BATCH_GIVE_UP_MS;
}
