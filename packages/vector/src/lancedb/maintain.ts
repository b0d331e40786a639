import * as lancedb from '@lancedb/lancedb';
import type { Table } from '@lancedb/lancedb';
import { withRetry } from '../retry';
import type { CollectionInfo } from '../types';
import { lanceDistance } from './codec';
import type { LanceDbStoreOptions } from './options';

/** Commit conflicts with other processes' writes; the library does not retry these itself. */
export function isCommitConflict(error: unknown): boolean {
  return /conflict|retryable|concurrent/i.test(String(error));
}

/** Scalar indexes every table gets once it has rows (tenant filter, mergeInsert join, document lookups). */
const SCALAR_INDEXES: [column: string, make: () => lancedb.Index][] = [
  ['id', () => lancedb.Index.btree()],
  ['tenant', () => lancedb.Index.bitmap()],
  ['document_id', () => lancedb.Index.btree()],
  ['meta_kv', () => lancedb.Index.labelList()],
];

function vectorIndex(info: CollectionInfo, options: LanceDbStoreOptions): lancedb.Index {
  const distanceType = lanceDistance(info.distance);
  if (options.indexType === 'ivf_pq') {
    // Sub-vectors must divide the dimension; 16 dims per sub-vector is the library's usual choice.
    const numSubVectors = info.dimensions % 16 === 0 ? info.dimensions / 16 : info.dimensions % 8 === 0 ? info.dimensions / 8 : 1;
    return lancedb.Index.ivfPq({ distanceType, numSubVectors });
  }
  return lancedb.Index.hnswSq({ distanceType, efConstruction: options.efConstruction ?? 150 });
}

/** Compacts and prunes old versions, then builds missing indexes (over the compacted fragments). */
export async function maintainTable(
  table: Table,
  info: CollectionInfo,
  options: LanceDbStoreOptions,
): Promise<{ vectorIndexBuilt: boolean; optimized: boolean; ms: number }> {
  const started = performance.now();
  const retry = { attempts: 8, baseDelayMs: 200, ...options.maintainRetry };
  // Compact first: an index built afterwards needs no row-id remapping, and optimize() also folds
  // rows added since the last build into existing indexes.
  const cleanupOlderThan = new Date(Date.now() - (options.retainVersionsMs ?? 10 * 60_000));
  await withRetry(() => table.optimize({ cleanupOlderThan }), isCommitConflict, retry);
  const rows = await table.countRows();
  const indexed = new Set((await table.listIndices()).flatMap((i) => i.columns));
  if (rows > 0) {
    for (const [column, make] of SCALAR_INDEXES) {
      if (!indexed.has(column)) await withRetry(() => table.createIndex(column, { config: make() }), isCommitConflict, retry);
    }
  }
  let vectorIndexBuilt = false;
  if (!indexed.has('vector') && rows >= (options.indexThreshold ?? 5_000)) {
    await withRetry(() => table.createIndex('vector', { config: vectorIndex(info, options) }), isCommitConflict, retry);
    vectorIndexBuilt = true;
  }
  return { vectorIndexBuilt, optimized: true, ms: Math.round(performance.now() - started) };
}
