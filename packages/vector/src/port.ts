import type { VectorFilter } from './filter';
import type { CollectionInfo, CollectionSpec, SearchHit, StoredPoint, VectorPoint } from './types';

/** A nearest-neighbour query. */
export interface SearchRequest {
  /** Query vector; its length must equal the collection's dimensions. */
  vector: number[] | Float32Array;
  /** How many hits to return, 1..1000. Default: 10. */
  topK?: number;
  /** Narrows the tenant's points; it can never widen past the tenant. */
  filter?: VectorFilter;
  /**
   * Scores computed from the stored vectors rather than the index's compressed copies, for callers
   * that compare scores with a threshold (LanceDB re-ranks the index's candidates with the full
   * vectors; Qdrant rescores when the collection is quantized). Costs a little latency. Default: false.
   */
  exactScores?: boolean;
}

/** Options of {@link VectorStore.maintain}. */
export interface MaintainOptions {
  /** Only these collections. Default: every collection. */
  collections?: readonly string[];
}

/** What `maintain()` did, per collection. */
export interface MaintenanceReport {
  collections: {
    name: string;
    vectorIndexBuilt: boolean;
    optimized: boolean;
    ms: number;
    /** The ANN index after maintenance (embedded store): rows it covers, rows searched exhaustively, parts. */
    vectorIndex?: { indexedRows: number; unindexedRows: number; parts: number; type: string };
    error?: string;
  }[];
}

/**
 * The data operations of one tenant. Obtained only from {@link VectorStore.forTenant}, so no
 * call can run without a tenant; each adapter ANDs the tenant into every filter it sends.
 */
export interface TenantVectorStore {
  readonly tenant: string;
  /** Inserts or overwrites points by id (idempotent). Resolves once the points are searchable. */
  upsert(collection: string, points: readonly VectorPoint[]): Promise<{ upserted: number }>;
  /** Deletes the tenant's points with these ids; ids of other tenants are left alone. */
  deleteByIds(collection: string, ids: readonly string[]): Promise<void>;
  /** Deletes the tenant's points that match `filter`. */
  deleteByFilter(collection: string, filter: VectorFilter): Promise<void>;
  /** Deletes every chunk of one document. */
  deleteByDocument(collection: string, documentId: string): Promise<void>;
  /** Nearest points first. */
  search(collection: string, request: SearchRequest): Promise<SearchHit[]>;
  /** Every chunk of one document, ordered by chunkIndex (re-ingestion diffs hashes against it). */
  listByDocument(collection: string, documentId: string): Promise<StoredPoint[]>;
  /** Number of the tenant's points, optionally narrowed by `filter`. */
  count(collection: string, filter?: VectorFilter): Promise<number>;
}

/**
 * The vector-store port. Collections are shared physical tables/collections holding every tenant's
 * points; collection management is an operator/API concern, data access goes through `forTenant`.
 */
export interface VectorStore {
  readonly kind: 'qdrant' | 'lancedb';
  /**
   * Creates the collection, or checks that the existing one has the same dimensions, distance and
   * meta. Throws CollectionMismatchError otherwise (API: 409).
   */
  ensureCollection(spec: CollectionSpec): Promise<CollectionInfo>;
  /** The stored collection, or undefined. */
  describeCollection(name: string): Promise<CollectionInfo | undefined>;
  /** Every collection, sorted by name. */
  listCollections(): Promise<CollectionInfo[]>;
  /** Drops the collection with every tenant's points. Resolves false if it did not exist. */
  dropCollection(name: string): Promise<boolean>;
  /** A handle whose every operation is confined to `tenant`. Throws on an empty tenant. */
  forTenant(tenant: string): TenantVectorStore;
  /** Housekeeping to call from one process on a schedule (index build, compaction). */
  maintain(options?: MaintainOptions): Promise<MaintenanceReport>;
  /** Releases connections; idempotent. */
  close(): Promise<void>;
}
