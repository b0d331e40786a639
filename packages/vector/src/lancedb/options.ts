import type { RetryOptions } from '../retry';

/** Options of the embedded (LanceDB) store. */
export interface LanceDbStoreOptions {
  /** Directory holding one LanceDB table per collection; created if missing. Required. */
  directory: string;
  /** Build the ANN index once a table has at least this many rows (in `maintain()`). Default: 5,000. */
  indexThreshold?: number;
  /**
   * `maintain()` rebuilds the ANN index from scratch once the table has grown by this share since the
   * index was built (0.5: by half), instead of letting optimize() fold the new rows into an ever larger
   * delta part (filtered searches slow down badly once the delta is as big as the index). Default: 0.5.
   */
  rebuildAfterGrowth?: number;
  /** Vector index type of collections that name none (`CollectionSpec.annIndex`). HNSW_SQ measured ~0.96-0.98 recall@10 at 100k rows here. Default: `'hnsw_sq'`. */
  indexType?: 'hnsw_sq' | 'ivf_pq';
  /**
   * HNSW build breadth (higher: better graph, slower build). LanceDB's default is 300; 150 roughly
   * halves the build on this 2-core machine. Default: 150.
   */
  efConstruction?: number;
  /** HNSW search breadth (higher: better recall, slower). Default: 100. */
  ef?: number;
  /** IVF_PQ re-ranking factor (only with `indexType: 'ivf_pq'`). Default: 10. */
  refineFactor?: number;
  /** `maintain()` deletes table versions older than this; keep minutes+ for other readers. Default: 10 min. */
  retainVersionsMs?: number;
  /** Retries of optimize()/createIndex on commit conflicts with other processes. Default: 8 attempts, 200 ms base. */
  maintainRetry?: RetryOptions;
  /** Points per mergeInsert commit (each commit is ~55 ms; bigger batches amortise it). Default: 2,000. */
  upsertBatchSize?: number;
  /**
   * Bytes of index data this process keeps in memory (LanceDB's session cache; the library's own
   * default is 6 GB). Bounds a worker's memory whatever the number of rows. Keep it above the index's
   * working set: at 300k rows of 256 dims a 256 MiB cap thrashed (p90 310 ms, 600 MB resident) where
   * 1 GiB did not (p90 8 ms, 340 MB resident). Default: 1 GiB.
   */
  indexCacheBytes?: number;
  /** Bytes of file metadata this process keeps in memory (library default 1 GB). Default: 128 MiB. */
  metadataCacheBytes?: number;
}
