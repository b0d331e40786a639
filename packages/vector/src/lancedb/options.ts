import type { RetryOptions } from '../retry';

/** Options of the embedded (LanceDB) store. */
export interface LanceDbStoreOptions {
  /** Directory holding one LanceDB table per collection; created if missing. Required. */
  directory: string;
  /** Build the ANN index once a table has at least this many rows (in `maintain()`). Default: 5,000. */
  indexThreshold?: number;
  /** Vector index type. HNSW_SQ measured ~0.96-0.98 recall@10 at 100k rows here. Default: `'hnsw_sq'`. */
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
   * default is 6 GB). Bounds a worker's memory whatever the number of rows; pages beyond it are read
   * from disk (the OS page cache) again. Default: 256 MiB.
   */
  indexCacheBytes?: number;
  /** Bytes of file metadata this process keeps in memory (library default 1 GB). Default: 64 MiB. */
  metadataCacheBytes?: number;
}
