import { stableJson as canonical } from '@llmops/contracts';
import type { MetadataValue, StoredPoint } from '@llmops/vector';
import type { PlannedChunk } from './chunks';

/** What re-ingesting one document has to do against what the store holds. */
export interface ChunkDiff {
  /** Chunks to embed and upsert: new, changed, or moved (other offsets or metadata). */
  embed: PlannedChunk[];
  /** Chunks stored with the same hash, offsets and metadata: nothing to do. */
  unchanged: PlannedChunk[];
  /** Ids of stored chunks past the document's new end. */
  deleteIds: string[];
  /** `new`: nothing was stored; `unchanged`: nothing to do; `updated`: anything else. */
  status: 'new' | 'updated' | 'unchanged';
}

/**
 * Compares a document's planned chunks with its stored ones (same chunk index = same point id).
 * Offsets and metadata are part of the payload, so a chunk whose text is unchanged but moved is
 * re-embedded: the store cannot hand back a vector to re-upsert with a new payload.
 */
export function diffChunks(planned: readonly PlannedChunk[], stored: readonly StoredPoint[], metadata: Record<string, MetadataValue>): ChunkDiff {
  const byIndex = new Map(stored.map((point) => [point.payload.chunkIndex, point]));
  const wanted = canonical(metadata);
  const embed: PlannedChunk[] = [];
  const unchanged: PlannedChunk[] = [];
  for (const chunk of planned) {
    const old = byIndex.get(chunk.index)?.payload;
    const same = old !== undefined && old.hash === chunk.hash && old.start === chunk.start && old.end === chunk.end && canonical(old.metadata) === wanted;
    (same ? unchanged : embed).push(chunk);
  }
  const deleteIds = stored.filter((point) => point.payload.chunkIndex >= planned.length).map((point) => point.id);
  const status = stored.length === 0 ? (planned.length === 0 ? 'unchanged' : 'new') : embed.length === 0 && deleteIds.length === 0 ? 'unchanged' : 'updated';
  return { embed, unchanged, deleteIds, status };
}
