import type { SemanticCache } from '@llmops/cache';
import { jobDataKeys, type InferenceItemResult, type InferencePayload, type InferenceSummary } from '@llmops/contracts';
import type { JobContext } from '@llmops/queue';
import type { ProcessorDeps } from '../types';
import { buildRequest, fromCache, prepare, record, type PreparedItem } from './item';
import { itemRun, jobWaste, readItems } from './job';
import { summarize } from './summary';

/** Misses sent per provider batch: bounds memory and lets a restart resume batch by batch. */
export const ITEMS_PER_PROVIDER_BATCH = 500;

/**
 * Batch mode: cache lookups as in realtime, then the misses go to the provider's Batch API (at its
 * discount) in groups. Each group's batch id is saved before polling, so a restarted job resumes the
 * same batch (billed once, by batch id) instead of submitting it again.
 */
export async function runBatchMode(deps: ProcessorDeps, cache: SemanticCache, context: JobContext<InferencePayload>): Promise<InferenceSummary> {
  const run = itemRun(deps, cache, context);
  const batchIds = jobDataKeys(deps.prefix, context.jobId).inferenceBatches;
  type Entry = { index: number; prepared: PreparedItem; vector?: number[] };
  let fresh: Entry[] = [];
  // Items a previous attempt already submitted, by batch id: resumed, never submitted again.
  const submitted = new Map<string, Entry[]>();
  let finished = 0;

  const sendGroup = async (group: Entry[], resumeBatchId?: string) => {
    if (group.length === 0) return;
    const requests = await Promise.all(group.map((g) => buildRequest(run, g.prepared)));
    const result = await run.services.llm.runBatch(
      group.map((g, i) => ({ customId: g.prepared.item.id, body: { ...requests[i]!.request } })),
      {
        tenant: context.tenant,
        jobType: 'inference',
        jobId: context.jobId,
        signal: context.signal,
        pollIntervalMs: 1_000,
        resumeBatchId,
        onSubmitted: async (id) => {
          await deps.redis.multi().hset(batchIds, ...group.flatMap((g) => [g.prepared.item.id, id])).expire(batchIds, 7 * 86_400).exec();
        },
      },
    );
    const share = BigInt(Math.max(1, result.succeeded.length));
    const byId = new Map(result.succeeded.map((s) => [s.customId, s.body as { choices?: { message?: { content?: string } }[]; usage?: { prompt_tokens?: number; completion_tokens?: number } }]));
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
        itemResult = { status: 'failed', error: failedIds.get(g.prepared.item.id), cache: { outcome: 'miss' }, usage: { inputTokens: 0, outputTokens: 0 }, costNanoUsd: '0', savedNanoUsd: '0', savedTokens: 0, documents: [] };
      } else continue; // not done (expired): the job's retry resubmits it in a new group
      await context.results.put([{ id: g.prepared.item.id, index: g.index, result: itemResult }]);
      finished += 1;
    }
    if (result.notDone.length > 0) {
      // Expired or cancelled lines are submitted afresh by the job's retry.
      await deps.redis.hdel(batchIds, ...result.notDone);
      throw new Error(`${result.notDone.length} items of batch ${result.batchId} were not done; retrying`);
    }
    await context.reportProgress({ items: { done: finished, total: context.payload.itemCount } });
  };

  for await (const { index, item } of readItems(deps, context.jobId, context.payload.itemCount)) {
    context.signal.throwIfAborted();
    if ((await context.results.done([item.id])).size > 0) continue;
    const prepared = prepare(run, item);
    const cached = await fromCache(run, prepared);
    if (cached.result.cache.outcome === 'hit') {
      await context.results.put([{ id: item.id, index, result: cached.result }]);
      finished += 1;
      continue;
    }
    const entry = { index, prepared, vector: cached.vector };
    const batchId = await deps.redis.hget(batchIds, item.id);
    if (batchId) submitted.set(batchId, [...(submitted.get(batchId) ?? []), entry]);
    else fresh.push(entry);
    if (fresh.length >= ITEMS_PER_PROVIDER_BATCH) {
      await sendGroup(fresh);
      fresh = [];
    }
  }
  await sendGroup(fresh);
  for (const [batchId, group] of submitted) await sendGroup(group, batchId);
  return { ...(await summarize(deps, context.jobId, context.payload.itemCount)), wasted: await jobWaste(run, context) };
}
