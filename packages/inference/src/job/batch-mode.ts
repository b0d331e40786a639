import type { SemanticCache } from '@llmops/cache';
import { jobDataKeys, type InferenceItem, type InferenceItemResult, type InferencePayload, type InferenceSummary } from '@llmops/contracts';
import type { BatchResult } from '@llmops/llm';
import { StepWait, mapPool, type JobContext } from '@llmops/queue';
import { batchStepField, nextCheckMs, pastWindow, readBatchStep, saveBatchStep, type BatchStep, type ProcessorDeps } from '@llmops/services';
import { buildRequest, fromCache, prepare, record, type ItemRun, type PreparedItem } from './item';
import { ITEMS_PER_READ, itemRun, jobWaste, readItems } from './job';
import { summarize } from './summary';
import { cacheLookupSpan } from './tracing';

/** Misses sent per provider batch: bounds memory and lets a restart resume batch by batch. */
export const ITEMS_PER_PROVIDER_BATCH = 500;
/** Cache lookups in flight at once, as realtime mode runs its items. */
const LOOKUP_LANES = 16;
/** The first check of a batch comes this soon after it went out; later ones at half its age. */
const FIRST_CHECK_MS = 1_000;

type Entry = { index: number; prepared: PreparedItem; vector?: number[] };

/**
 * Batch mode, a step job: cache lookups as in realtime (16 at a time), then the misses go to the
 * provider's Batch API (at its discount) in groups. Each group's batch id, spend hold and submission
 * time are saved, and the job checks each batch once per run: while one runs, the job moves itself
 * to delayed (StepWait) and holds no worker slot; the next run follows the saved batches (no lookup,
 * no second submission, billed once by batch id) and stores what finished. A batch past its window
 * is sent again.
 */
export async function runBatchMode(deps: ProcessorDeps, cache: SemanticCache, context: JobContext<InferencePayload>): Promise<InferenceSummary> {
  const run = itemRun(deps, cache, context);
  const key = jobDataKeys(deps.prefix, context.jobId).inferenceBatches;
  // finished: items stored so far (earlier runs' included); notDone: lines a finished batch left undone.
  const state: FollowState = { finished: 0, notDone: 0, waiting: [], statuses: new Set() };
  const fresh: Entry[] = [];
  // Items a previous run already sent, by batch id: followed, never sent again.
  const submitted = new Map<string, Entry[]>();

  for await (const page of pagesOf(readItems(deps, context.jobId, context.payload.itemCount))) {
    context.signal.throwIfAborted();
    const done = await context.results.done(page.map(({ item }) => item.id));
    state.finished += done.size;
    const open = page.filter(({ item }) => !done.has(item.id));
    if (open.length === 0) continue;
    const sentTo = await deps.redis.hmget(key, ...open.map(({ item }) => item.id));
    const unsent: typeof open = [];
    open.forEach((entry, i) => {
      const batchId = sentTo[i];
      if (batchId) submitted.set(batchId, [...(submitted.get(batchId) ?? []), { index: entry.index, prepared: prepare(run, entry.item) }]);
      else unsent.push(entry);
    });
    const looked = await mapPool(unsent, LOOKUP_LANES, ({ index, item }) => lookUp(run, index, item));
    for (const { entry, hit } of looked) {
      if (hit) {
        await context.results.put([{ id: entry.prepared.item.id, index: entry.index, result: hit }]);
        state.finished += 1;
      } else fresh.push(entry);
    }
    while (fresh.length >= ITEMS_PER_PROVIDER_BATCH) await follow(deps, run, context, key, fresh.splice(0, ITEMS_PER_PROVIDER_BATCH), undefined, state);
  }
  if (fresh.length > 0) await follow(deps, run, context, key, fresh, undefined, state);
  for (const [batchId, group] of submitted) await follow(deps, run, context, key, group, batchId, state);

  if (state.waiting.length > 0) {
    await context.reportProgress({ items: { done: state.finished, total: context.payload.itemCount }, providerBatches: { running: state.waiting.length } });
    throw new StepWait(nextCheckMs(state.waiting, FIRST_CHECK_MS), `provider batch ${[...state.statuses].join('/')}`);
  }
  // Expired or cancelled lines are sent afresh by the job's retry (their batch ids are forgotten).
  if (state.notDone > 0) throw new Error(`${state.notDone} items of provider batches were not done; retrying`);
  await context.reportProgress({ items: { done: context.payload.itemCount, total: context.payload.itemCount } });
  return { ...(await summarize(deps, context.jobId, context.payload.itemCount)), wasted: await jobWaste(run, context) };
}

/** Pages of items as they are read (the reader holds one page in memory). */
async function* pagesOf<T>(items: AsyncIterable<T>): AsyncGenerator<T[]> {
  const page: T[] = [];
  for await (const item of items) {
    page.push(item);
    if (page.length >= ITEMS_PER_READ) yield page.splice(0);
  }
  if (page.length > 0) yield page;
}

/** An item's cache lookup: its answer on a hit, else its entry (with the prompt's vector) for a batch. */
async function lookUp(run: ItemRun, index: number, item: InferenceItem): Promise<{ entry: Entry; hit?: InferenceItemResult }> {
  const prepared = prepare(run, item);
  const mode = run.payload.cache.mode;
  const cached = mode === 'off' ? await fromCache(run, prepared) : await cacheLookupSpan(mode, () => fromCache(run, prepared));
  const entry = { index, prepared, ...(cached.vector ? { vector: cached.vector } : {}) };
  return cached.result.cache.outcome === 'hit' ? { entry, hit: cached.result } : { entry };
}

type FollowState = { finished: number; notDone: number; waiting: (BatchStep | undefined)[]; statuses: Set<string> };

/**
 * Sends a group as a new batch (no `batchId`) or checks the batch it went out in, once. A running
 * batch joins `waiting`; a finished one has its lines stored.
 */
async function follow(
  deps: ProcessorDeps,
  run: ItemRun,
  context: JobContext<InferencePayload>,
  key: string,
  group: Entry[],
  batchId: string | undefined,
  state: FollowState,
): Promise<void> {
  let step = batchId ? await readBatchStep(deps.redis, key, batchId) : undefined;
  if (batchId && pastWindow(step)) {
    // Past its window (the provider expires it by then): forget it and send the lines again.
    await deps.redis.hdel(key, ...group.map((g) => g.prepared.item.id), batchStepField(batchId));
    batchId = undefined;
    step = undefined;
  }
  const requests = await Promise.all(group.map((g) => buildRequest(run, g.prepared)));
  const result = await run.services.llm.runBatch(
    group.map((g, i) => ({ customId: g.prepared.item.id, body: { ...requests[i]!.request } })),
    {
      tenant: context.tenant,
      jobType: 'inference',
      jobId: context.jobId,
      signal: context.signal,
      step: true,
      ...(batchId ? { resumeBatchId: batchId } : {}),
      ...(step?.hold ? { resumeHold: step.hold } : {}),
      onSubmitted: async (id, hold) => {
        step = { submittedAt: Date.now(), ...(hold ? { hold } : {}) };
        await saveBatchStep(
          deps.redis,
          key,
          id,
          hold,
          group.map((g) => g.prepared.item.id),
        );
      },
    },
  );
  if (result.pending) {
    state.waiting.push(step);
    state.statuses.add(result.status);
    return;
  }
  await store(run, context, group, requests, result, state);
  if (result.notDone.length > 0) {
    // Expired or cancelled lines: their batch id is forgotten, so the job's retry sends them afresh.
    await deps.redis.hdel(key, ...result.notDone);
    state.notDone += result.notDone.length;
  }
  await deps.redis.hdel(key, batchStepField(result.batchId));
}

/** Stores the answered and failed lines of a finished batch (each item carries its share of the cost). */
async function store(
  run: ItemRun,
  context: JobContext<InferencePayload>,
  group: Entry[],
  requests: Awaited<ReturnType<typeof buildRequest>>[],
  result: BatchResult,
  state: FollowState,
): Promise<void> {
  const share = BigInt(Math.max(1, result.succeeded.length));
  const byId = new Map(
    result.succeeded.map((s) => [
      s.customId,
      s.body as { choices?: { message?: { content?: string } }[]; usage?: { prompt_tokens?: number; completion_tokens?: number } },
    ]),
  );
  const failedIds = new Map(result.failed.map((f) => [f.customId, f.message]));
  for (const [i, g] of group.entries()) {
    const body = byId.get(g.prepared.item.id);
    let itemResult: InferenceItemResult;
    if (body) {
      itemResult = await record(run, g.prepared, g.vector, {
        text: body.choices?.[0]?.message?.content ?? '',
        usage: { inputTokens: body.usage?.prompt_tokens ?? 0, outputTokens: body.usage?.completion_tokens ?? 0 },
        // The batch is billed as a whole; each item carries its share.
        costNanoUsd: result.costNanoUsd / share,
        rag: requests[i]!.rag,
      });
    } else if (failedIds.has(g.prepared.item.id)) {
      itemResult = {
        status: 'failed',
        error: failedIds.get(g.prepared.item.id),
        cache: { outcome: 'miss' },
        usage: { inputTokens: 0, outputTokens: 0 },
        costNanoUsd: '0',
        savedNanoUsd: '0',
        savedTokens: 0,
        documents: [],
      };
    } else continue; // not done (expired): sent again by the job's retry
    await context.results.put([{ id: g.prepared.item.id, index: g.index, result: itemResult }]);
    state.finished += 1;
  }
  await context.reportProgress({ items: { done: state.finished, total: context.payload.itemCount } });
}
