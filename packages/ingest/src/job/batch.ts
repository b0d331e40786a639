import { pointId, type VectorPoint } from '@llmops/vector';
import { batchKey } from '../batch-key';
import { announceChanges } from '../changes';
import { planChunks, type PlannedChunk } from '../chunks';
import { diffChunks } from '../diff';
import { toOriginalOffset } from '../offsets';
import type { IngestProgress, PlannedEmbedding } from '../progress';
import type { LlmClient } from '@llmops/llm';
import type { JobContext } from '@llmops/queue';
import { mapPool } from '@llmops/queue';
import type { ProcessorDeps } from '@llmops/services';
import type { BatchPlan, BatchStats, IngestPayload, PayloadDocument } from './types';

/** What every batch of one job shares. */
export interface BatchScope {
  deps: ProcessorDeps;
  /** The LLM client with the job's logger bound (retries and waits are logged with job and tenant). */
  llm: LlmClient;
  context: JobContext<Pick<IngestPayload, 'collection' | 'model'>>;
  /** Where item results go: the job's own, or a fanned-out upload's parent's. */
  results: JobContext<unknown>['results'];
  /** Index of the first document of this job among the upload's documents. */
  offset: number;
  /** The stored (tenant-tagged) collection name. */
  stored: string;
  hash: (text: string) => string;
  progress: IngestProgress<BatchPlan, BatchStats>;
}

/** Reads of the store in flight at once per batch. */
const LIST_CONCURRENCY = 8;

/**
 * One batch of documents: chunk and hash each, diff against what is stored, embed every chunk that
 * is new or changed in ONE packed embed call (few provider requests), upsert in one call, delete
 * chunks past each document's new end, announce updated documents.
 */
export async function runBatch(
  scope: BatchScope,
  batch: number,
  first: number,
  docs: readonly PayloadDocument[],
): Promise<{ stats: BatchStats; calls: string[] }> {
  const { deps, context, stored } = scope;
  const { collection, model } = context.payload;
  const tenant = context.tenant;
  const vectors = deps.services.vectors.forTenant(tenant);

  const planned = docs.map((doc) => planChunks(doc.text, { model }, scope.hash));
  const existing = await mapPool(docs, LIST_CONCURRENCY, (doc) => vectors.listByDocument(stored, doc.id));
  // Stored chunks carry offsets in the original document: compare in those, or every document whose
  // pseudonyms differ in length from their originals would count as moved on each re-upload.
  const diffs = docs.map((doc, i) =>
    diffChunks(
      planned[i]!.map((chunk) => inOriginal(doc, chunk)),
      existing[i]!,
      doc.metadata,
    ),
  );

  const plan = await scope.progress.fixPlan(batch, {
    embed: diffs.flatMap((diff, i) => diff.embed.map((c) => ({ documentId: docs[i]!.id, index: c.index, hash: c.hash }))),
    docs: diffs.map((diff, i) => ({
      documentId: docs[i]!.id,
      status: diff.status,
      chunks: { new: diff.embed.length, unchanged: diff.unchanged.length, deleted: diff.deleteIds.length },
    })),
  });

  // Chunks the current diff wants but the plan lacks: only possible when another job changed the
  // same documents in between. They get their own call (and ledger key).
  const inPlan = new Set(plan.embed.map(embeddingKey));
  const extras = diffs.flatMap((diff, i) =>
    diff.embed
      .filter((c) => !inPlan.has(embeddingKey({ documentId: docs[i]!.id, ...c })))
      .map((c) => ({ documentId: docs[i]!.id, index: c.index, hash: c.hash })),
  );

  const chunkOf = chunkLookup(docs, planned);
  let tokens = 0;
  let requests = 0;
  let costNanoUsd = 0n;
  const points: VectorPoint[] = [];
  const calls: string[] = [];
  for (const [part, key] of [
    [plan.embed, batchKey(context.jobId, batch, plan.embed)],
    [extras, `${batchKey(context.jobId, batch, extras)}:x`],
  ] as const) {
    const chunks = part.map((p) => chunkOf(p)).filter((c): c is { doc: PayloadDocument; chunk: PlannedChunk } => c !== undefined);
    if (chunks.length === 0) continue;
    const result = await scope.llm.embed(
      chunks.map((c) => c.chunk.text),
      // A part of a fanned-out upload spends from its upload's budget hold (the parent was admitted).
      { model, tenant, jobType: 'ingest', jobId: context.parent?.jobId ?? context.jobId, idempotencyKey: key, signal: context.signal },
    );
    tokens += result.usage.inputTokens;
    requests += result.usage.requests;
    costNanoUsd += result.costNanoUsd;
    calls.push(...result.calls);
    chunks.forEach(({ doc, chunk }, i) => {
      points.push({
        id: pointId(tenant, collection, doc.id, chunk.index),
        vector: result.vectors[i]!,
        payload: {
          documentId: doc.id,
          chunkIndex: chunk.index,
          hash: chunk.hash,
          text: chunk.text,
          ...offsetsInOriginal(doc, chunk),
          metadata: doc.metadata,
        },
      });
    });
  }
  if (points.length > 0) await vectors.upsert(stored, points);
  const deleteIds = diffs.flatMap((diff) => diff.deleteIds);
  if (deleteIds.length > 0) await vectors.deleteByIds(stored, deleteIds);

  // After the writes, so a consumer that re-reads on the announcement sees the new chunks. A retry
  // announces again (at least once), which only costs the cache a second invalidation.
  await announceChanges(
    deps.redis,
    deps.prefix,
    plan.docs.filter((d) => d.status === 'updated').map((d) => ({ tenant, collection, documentId: d.documentId, change: 'updated' as const })),
  );
  await scope.results.put(plan.docs.map((result, i) => ({ id: result.documentId, index: scope.offset + first + i, result })));

  context.logger.info({ batch, documents: docs.length, embedded: points.length, deleted: deleteIds.length, requests }, 'ingest batch done');
  // The embed calls' answers stay in the job's call journal until the batch is marked finished: a
  // crash before that replays them instead of paying for them again.
  return { stats: summarize(plan, { tokens, requests, costNanoUsd }), calls };
}

function summarize(plan: BatchPlan, spent: { tokens: number; requests: number; costNanoUsd: bigint }): BatchStats {
  const stats: BatchStats = {
    docs: { new: 0, updated: 0, unchanged: 0 },
    chunks: { new: 0, unchanged: 0, deleted: 0 },
    tokens: spent.tokens,
    requests: spent.requests,
    costNanoUsd: spent.costNanoUsd.toString(),
  };
  for (const doc of plan.docs) {
    stats.docs[doc.status] += 1;
    stats.chunks.new += doc.chunks.new;
    stats.chunks.unchanged += doc.chunks.unchanged;
    stats.chunks.deleted += doc.chunks.deleted;
  }
  return stats;
}

/** A chunk's offsets in the original document (what its owner reads back), not in the pseudonymized text. */
function offsetsInOriginal(doc: PayloadDocument, chunk: PlannedChunk): { start: number; end: number } {
  return { start: toOriginalOffset(doc.spans, chunk.start, 'start'), end: toOriginalOffset(doc.spans, chunk.end, 'end') };
}

function inOriginal(doc: PayloadDocument, chunk: PlannedChunk): PlannedChunk {
  return { ...chunk, ...offsetsInOriginal(doc, chunk) };
}

function embeddingKey(e: { documentId: string; index: number; hash: string }): string {
  return `${e.documentId}\u0000${e.index}\u0000${e.hash}`;
}

/** Finds a planned chunk's text again (chunking is deterministic, so a replayed plan still matches). */
function chunkLookup(docs: readonly PayloadDocument[], planned: readonly PlannedChunk[][]) {
  const byKey = new Map<string, { doc: PayloadDocument; chunk: PlannedChunk }>();
  docs.forEach((doc, i) => planned[i]!.forEach((chunk) => byKey.set(embeddingKey({ documentId: doc.id, ...chunk }), { doc, chunk })));
  return (p: PlannedEmbedding) => byKey.get(embeddingKey(p));
}
