import { chunkHasher, IngestProgress, nanoUsdToString, storedCollectionName } from '@llmops/ingest';
import { NonRetriableError, type JobContext } from '@llmops/queue';
import type { ProcessorDeps } from '../types';
import { runBatch } from './batch';
import type { BatchPlan, BatchStats, IngestPayload, IngestResult } from './types';

/** Documents per batch: one packed embed call and one upsert each; progress is reported per batch. */
export const DOCUMENTS_PER_BATCH = 32;
/** Batch plans and stats outlive the job's attempts by this much. */
const PROGRESS_TTL_SECONDS = 7 * 24 * 3600;

/**
 * An ingestion job, in batches. A restarted job skips the batches a previous attempt finished (their
 * stats are kept in Redis and still counted in the summary) and replays the plan of an unfinished one.
 */
export async function runIngest(deps: ProcessorDeps, context: JobContext<IngestPayload>): Promise<IngestResult> {
  const { collection, model, documents } = context.payload;
  const stored = storedCollectionName(context.tenant, collection);
  const info = await deps.services.vectors.describeCollection(stored);
  // The API creates the collection before enqueueing; it can only be gone if an operator dropped it.
  if (!info) throw new NonRetriableError(`collection "${collection}" does not exist`);
  if (info.meta.model !== model) {
    throw new NonRetriableError(`collection "${collection}" embeds with ${String(info.meta.model)}, the job asked for ${model}`);
  }
  const progress = IngestProgress.forJob<BatchPlan, BatchStats>(deps.redis, deps.prefix, context.jobId, PROGRESS_TTL_SECONDS);
  const finished = await progress.finished();
  const scope = { deps, context, stored, hash: chunkHasher(deps.services.vault, model), progress };
  const batches = Math.ceil(documents.length / DOCUMENTS_PER_BATCH);
  if (finished.size > 0) context.logger.info({ skipped: finished.size, batches }, 'resuming ingestion');

  for (let batch = 0; batch < batches; batch++) {
    if (finished.has(batch)) continue;
    if (context.signal.aborted) throw new Error('ingestion stopped');
    const first = batch * DOCUMENTS_PER_BATCH;
    const stats = await runBatch(scope, batch, first, documents.slice(first, first + DOCUMENTS_PER_BATCH));
    await progress.finish(batch, stats);
    finished.set(batch, stats);
    await context.reportProgress({
      batches: { done: finished.size, total: batches },
      documents: { done: Math.min(documents.length, finished.size * DOCUMENTS_PER_BATCH), total: documents.length },
    });
  }
  return summarize(collection, model, documents.length, [...finished.values()]);
}

function summarize(collection: string, model: string, total: number, stats: readonly BatchStats[]): IngestResult {
  const result: IngestResult = {
    collection,
    model,
    documents: { total, new: 0, updated: 0, unchanged: 0 },
    chunks: { new: 0, unchanged: 0, deleted: 0 },
    tokens: 0,
    costUsd: '0',
    providerRequests: 0,
    batches: stats.length,
  };
  let nano = 0n;
  for (const s of stats) {
    result.documents.new += s.docs.new;
    result.documents.updated += s.docs.updated;
    result.documents.unchanged += s.docs.unchanged;
    result.chunks.new += s.chunks.new;
    result.chunks.unchanged += s.chunks.unchanged;
    result.chunks.deleted += s.chunks.deleted;
    result.tokens += s.tokens;
    result.providerRequests += s.requests;
    nano += BigInt(s.costNanoUsd);
  }
  result.costUsd = nanoUsdToString(nano);
  return result;
}
