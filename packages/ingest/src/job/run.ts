import { jobDataKeys, type IngestPartPayload } from '@llmops/contracts';
import { chunkHasher } from '../chunks';
import { storedCollectionName } from '../collections';
import { IngestProgress } from '../progress';
import { wasteOf } from '@llmops/llm';
import { nanoToUsdString, usdStringToNano } from '@llmops/tokens';
import { NonRetriableError, type JobContext } from '@llmops/queue';
import type { ProcessorDeps } from '@llmops/services';
import { runBatch, type BatchScope } from './batch';
import { BatchPlan, BatchStats, type IngestPayload, type IngestResult, type PayloadDocument } from './types';

/** Documents per batch: one packed embed call and one upsert each; progress is reported per batch. */
export const DOCUMENTS_PER_BATCH = 32;
/** Batch plans and stats outlive the job's attempts by this much. */
const PROGRESS_TTL_SECONDS = 7 * 24 * 3600;

/**
 * An ingestion job. A small upload carries its documents and runs them in batches; a large one was
 * fanned out into `ingest-part` children, which BullMQ runs first, and this job sums their results.
 */
export async function runIngest(deps: ProcessorDeps, context: JobContext<IngestPayload>): Promise<IngestResult> {
  const { collection, model, documents, fanOut } = context.payload;
  // Parts spend under this job's id, so its journal holds the whole upload's calls.
  const wasted = async () =>
    wasteOf(await deps.services.llm.withContext({ jobType: 'ingest', logger: context.logger }).jobSpend({ tenant: context.tenant, jobId: context.jobId }));
  if (fanOut) {
    const parts = (await context.childResults()) as IngestResult[];
    await context.reportProgress({ parts: { done: parts.length, total: fanOut.parts }, documents: { done: fanOut.documents, total: fanOut.documents } });
    return {
      ...summarize(
        collection,
        model,
        fanOut.documents,
        parts.map(toStats),
        parts.reduce((sum, part) => sum + part.batches, 0),
      ),
      wasted: await wasted(),
    };
  }
  const stats = await ingestInBatches(deps, context, documents, {
    offset: 0,
    results: context.results,
    onBatch: (done) =>
      context.reportProgress({
        batches: { done, total: Math.ceil(documents.length / DOCUMENTS_PER_BATCH) },
        documents: { done: Math.min(documents.length, done * DOCUMENTS_PER_BATCH), total: documents.length },
      }),
  });
  return { ...summarize(collection, model, documents.length, stats), wasted: await wasted() };
}

/**
 * One part of a large upload: its documents, as an ingest job does them, with item results written
 * to the parent (at the documents' places in the upload) and progress reported on the parent.
 */
export async function runIngestPart(deps: ProcessorDeps, context: JobContext<IngestPartPayload>): Promise<IngestResult> {
  const { collection, model, documents, offset, total } = context.payload;
  const parent = context.parent;
  const doneKey = parent ? jobDataKeys(deps.prefix, parent.jobId).ingestFlow : undefined;
  let reported = 0;
  const stats = await ingestInBatches(deps, context, documents, {
    offset,
    results: parent?.results ?? context.results,
    onBatch: async (done) => {
      const newly = Math.min(documents.length, done * DOCUMENTS_PER_BATCH) - reported;
      reported += newly;
      if (!parent || !doneKey || newly <= 0) return;
      const uploadDone = await deps.redis.hincrby(doneKey, 'documents', newly);
      await deps.redis.expire(doneKey, PROGRESS_TTL_SECONDS);
      await parent.reportProgress({ documents: { done: Math.min(uploadDone, total), total } });
    },
  });
  return summarize(collection, model, documents.length, stats);
}

/**
 * Documents in batches. A restarted job skips the batches a previous attempt finished (their stats
 * are kept in Redis and still counted) and replays the plan of an unfinished one.
 */
async function ingestInBatches(
  deps: ProcessorDeps,
  context: BatchScope['context'],
  documents: readonly PayloadDocument[],
  target: { offset: number; results: BatchScope['results']; onBatch: (finishedBatches: number) => Promise<void> },
): Promise<BatchStats[]> {
  const { collection, model } = context.payload;
  const stored = storedCollectionName(context.tenant, collection);
  const info = await deps.services.vectors.describeCollection(stored);
  // The API creates the collection before enqueueing; it can only be gone if an operator dropped it.
  if (!info) throw new NonRetriableError(`collection "${collection}" does not exist`);
  if (info.meta.model !== model) {
    throw new NonRetriableError(`collection "${collection}" embeds with ${String(info.meta.model)}, the job asked for ${model}`);
  }
  const progress = IngestProgress.forJob(deps.redis, deps.prefix, context.jobId, PROGRESS_TTL_SECONDS, { plan: BatchPlan, stats: BatchStats });
  const finished = await progress.finished();
  const llm = deps.services.llm.withContext({ logger: context.logger });
  const scope: BatchScope = {
    deps,
    llm,
    context,
    stored,
    hash: chunkHasher(deps.services.vault, model),
    progress,
    results: target.results,
    offset: target.offset,
  };
  const batches = Math.ceil(documents.length / DOCUMENTS_PER_BATCH);
  if (finished.size > 0) context.logger.info({ skipped: finished.size, batches }, 'resuming ingestion');

  for (let batch = 0; batch < batches; batch++) {
    if (finished.has(batch)) continue;
    if (context.signal.aborted) throw new Error('ingestion stopped');
    const first = batch * DOCUMENTS_PER_BATCH;
    const { stats, calls } = await runBatch(scope, batch, first, documents.slice(first, first + DOCUMENTS_PER_BATCH));
    await progress.finish(batch, stats);
    // Its vectors are stored and the batch is marked done: the journal need not keep them any more.
    await llm.release({ tenant: context.tenant, jobId: context.parent?.jobId ?? context.jobId }, calls);
    finished.set(batch, stats);
    await target.onBatch(finished.size);
  }
  return [...finished.values()];
}

/** A part's summary read back as batch stats, so parts and batches sum the same way. */
function toStats(part: IngestResult): BatchStats {
  return {
    docs: { new: part.documents.new, updated: part.documents.updated, unchanged: part.documents.unchanged },
    chunks: part.chunks,
    tokens: part.tokens,
    costNanoUsd: usdStringToNano(part.costUsd).toString(),
    requests: part.providerRequests,
  };
}

function summarize(collection: string, model: string, total: number, stats: readonly BatchStats[], batches = stats.length): IngestResult {
  const result: IngestResult = {
    collection,
    model,
    documents: { total, new: 0, updated: 0, unchanged: 0 },
    chunks: { new: 0, unchanged: 0, deleted: 0 },
    tokens: 0,
    costUsd: '0',
    providerRequests: 0,
    batches,
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
  result.costUsd = nanoToUsdString(nano);
  return result;
}
