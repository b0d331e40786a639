/** Similarity used to rank points; fixed when a collection is created. */
export type Distance = 'cosine' | 'dot' | 'euclid';

/** A scalar that may appear in chunk metadata and in filters. */
export type MetadataValue = string | number | boolean;

/** A filterable field: the document id or one metadata key (`metadata.lang`). */
export type FilterField = 'documentId' | `metadata.${string}`;

/** Opaque collection metadata (e.g. the embedding model); fixed at creation. */
export type CollectionMeta = Record<string, MetadataValue>;

/** What a caller asks for in `ensureCollection`. */
export interface CollectionSpec {
  /** Collection name: 1-63 chars of `[A-Za-z0-9_-]`, starting with a letter or digit. */
  name: string;
  /** Vector length; every upserted and query vector must have exactly this many numbers. */
  dimensions: number;
  /** Ranking metric. Default: `'cosine'`. */
  distance?: Distance;
  /** Opaque metadata such as `{ model: 'text-embedding-3-small' }`. Default: `{}`. */
  meta?: CollectionMeta;
  /**
   * Fields filtered by equality on most queries (e.g. `metadata.scope`). Qdrant: a keyword payload
   * index per field, created with the collection; LanceDB: nothing to do (metadata is label-list
   * indexed). Not part of the collection's identity. Default: none.
   */
  keywordIndexes?: readonly FilterField[];
  /**
   * Embedded store: the ANN index this collection gets. `hnsw_sq` (fast; its index is held in memory,
   * ~350 bytes per vector at 256 dims) or `ivf_pq` (~16 bytes per vector in memory at 256 dims, results
   * re-ranked with the stored vectors; slower by a few ms). Fixed when the collection is created; not
   * part of its identity. Qdrant: ignored. Default: the store's `indexType`.
   */
  annIndex?: AnnIndex;
}

/** The embedded store's ANN index types. */
export type AnnIndex = 'hnsw_sq' | 'ivf_pq';

/** A collection as stored. */
export interface CollectionInfo {
  name: string;
  dimensions: number;
  distance: Distance;
  meta: CollectionMeta;
}

/** The payload of one chunk. The tenant is added (and stripped) by the adapter. */
export interface PointPayload {
  documentId: string;
  chunkIndex: number;
  /** Content hash of the chunk, so re-ingestion can skip unchanged chunks. */
  hash: string;
  text: string;
  /** Character offsets of the chunk in its (redacted) document. */
  start: number;
  end: number;
  metadata: Record<string, MetadataValue>;
}

/** One vector with its payload. `id` should come from {@link pointId}. */
export interface VectorPoint {
  id: string;
  vector: number[] | Float32Array;
  payload: PointPayload;
}

/** A point read back (vectors are not returned). */
export interface StoredPoint {
  id: string;
  payload: PointPayload;
}

/**
 * One search result. `score` follows Qdrant's convention: similarity for cosine and dot
 * (higher is nearer), Euclidean distance for euclid (lower is nearer). Results are nearest first.
 */
export interface SearchHit {
  id: string;
  score: number;
  payload: PointPayload;
}
