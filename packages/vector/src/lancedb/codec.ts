import { Field, FixedSizeList, Float32, Int32, List, Schema, Utf8 } from 'apache-arrow';
import { z } from 'zod';
import { readJson } from '@llmops/contracts';
import type { AnnIndex, CollectionInfo, Distance, MetadataValue, PointPayload, StoredPoint, VectorPoint } from '../types';

const Metadata = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
/** What a table's schema metadata records about its collection (written by tableSchema). */
const StoredCollection = z.object({
  dimensions: z.number().int().positive(),
  distance: z.enum(['cosine', 'dot', 'euclid']),
  meta: Metadata,
  // An unknown index name (a newer writer) reads as none.
  annIndex: z.enum(['hnsw_sq', 'ivf_pq']).optional().catch(undefined),
});

/** Schema-metadata key under which a table records its collection settings (read by every process). */
export const COLLECTION_META_KEY = 'llmops.vector.collection';

/** Columns returned to callers (the vector is never read back). */
export const PAYLOAD_COLUMNS = ['id', 'document_id', 'chunk_index', 'hash', 'text', 'chunk_start', 'chunk_end', 'metadata_json'];

export function tableSchema(info: CollectionInfo, annIndex?: AnnIndex): Schema {
  const utf8 = (name: string) => new Field(name, new Utf8(), false);
  const int = (name: string) => new Field(name, new Int32(), false);
  const stored = { version: 1, dimensions: info.dimensions, distance: info.distance, meta: info.meta, ...(annIndex ? { annIndex } : {}) };
  return new Schema(
    [
      utf8('id'),
      utf8('tenant'),
      utf8('document_id'),
      int('chunk_index'),
      utf8('hash'),
      utf8('text'),
      int('chunk_start'),
      int('chunk_end'),
      utf8('metadata_json'),
      // "key=<type>:<value>" strings: metadata filters become array_has() over an indexable list.
      new Field('meta_kv', new List(new Field('item', new Utf8(), true)), false),
      new Field('vector', new FixedSizeList(info.dimensions, new Field('item', new Float32(), true)), false),
    ],
    new Map([[COLLECTION_META_KEY, JSON.stringify(stored)]]),
  );
}

/** Collection settings recorded in a table's schema, or undefined for a foreign table. */
export function infoFromSchema(name: string, schema: Schema): CollectionInfo | undefined {
  const raw = schema.metadata.get(COLLECTION_META_KEY);
  if (raw === undefined) return undefined;
  const parsed = readJson(StoredCollection, raw);
  return { name, dimensions: parsed.dimensions, distance: parsed.distance, meta: parsed.meta };
}

/** The ANN index type a table was created for, if it names one. */
export function annIndexFromSchema(schema: Schema): AnnIndex | undefined {
  const raw = schema.metadata.get(COLLECTION_META_KEY);
  return raw === undefined ? undefined : readJson(StoredCollection, raw).annIndex;
}

/** One typed metadata entry as stored in `meta_kv` (the type tag keeps "1" and 1 apart). */
export function kvEntry(key: string, value: MetadataValue): string {
  const tag = typeof value === 'string' ? 's' : typeof value === 'number' ? 'n' : 'b';
  return `${key}=${tag}:${String(value)}`;
}

export function toRow(tenant: string, p: VectorPoint): Record<string, unknown> {
  const { payload } = p;
  return {
    id: p.id,
    tenant,
    document_id: payload.documentId,
    chunk_index: payload.chunkIndex,
    hash: payload.hash,
    text: payload.text,
    chunk_start: payload.start,
    chunk_end: payload.end,
    metadata_json: JSON.stringify(payload.metadata),
    meta_kv: Object.entries(payload.metadata).map(([k, v]) => kvEntry(k, v)),
    vector: p.vector instanceof Float32Array ? p.vector : Float32Array.from(p.vector),
  };
}

export function fromRow(row: Record<string, unknown>): StoredPoint {
  const payload: PointPayload = {
    documentId: String(row.document_id),
    chunkIndex: Number(row.chunk_index),
    hash: String(row.hash),
    text: String(row.text),
    start: Number(row.chunk_start),
    end: Number(row.chunk_end),
    metadata: readJson(Metadata, String(row.metadata_json)),
  };
  return { id: String(row.id), payload };
}

/** LanceDB's distance name for ours. */
export function lanceDistance(d: Distance): 'cosine' | 'dot' | 'l2' {
  return d === 'euclid' ? 'l2' : d;
}

/**
 * LanceDB `_distance` -> Qdrant-style score: cosine and dot distances are `1 - similarity`,
 * l2 is the squared Euclidean distance.
 */
export function scoreFromDistance(d: Distance, distance: number): number {
  return d === 'euclid' ? Math.sqrt(Math.max(0, distance)) : 1 - distance;
}
