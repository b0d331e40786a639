import * as lancedb from '@lancedb/lancedb';
import type { Connection, Table } from '@lancedb/lancedb';
import { CollectionMismatchError, CollectionNotFoundError, InvalidVectorInputError } from '../errors';
import type { VectorFilter } from '../filter';
import type { MaintainOptions, MaintenanceReport, SearchRequest, TenantVectorStore, VectorStore } from '../port';
import type { TenantBackend } from '../tenant-scope';
import { scopeToTenant, topKOf } from '../tenant-scope';
import type { AnnIndex, CollectionInfo, CollectionSpec, SearchHit, StoredPoint, VectorPoint } from '../types';
import { assertCollectionName, assertPoint, assertTenant, assertVector, chunks, dedupeById, normalizeSpec, sameMeta } from '../validate';
import { PAYLOAD_COLUMNS, annIndexFromSchema, fromRow, infoFromSchema, lanceDistance, scoreFromDistance, tableSchema, toRow } from './codec';
import { maintainTable } from './maintain';
import type { LanceDbStoreOptions } from './options';
import { lit, whereClause } from './sql';

interface OpenCollection {
  table: Table;
  info: CollectionInfo;
  annIndex: AnnIndex;
}

/** Embedded vector store on local disk; safe for several processes on one machine. */
export class LanceDbVectorStore implements VectorStore, TenantBackend {
  readonly kind = 'lancedb' as const;
  readonly #options: LanceDbStoreOptions;
  readonly #open = new Map<string, Promise<OpenCollection>>();
  #db: Promise<Connection> | undefined;
  #closed = false;

  constructor(options: LanceDbStoreOptions) {
    if (typeof options.directory !== 'string' || options.directory.length === 0) {
      throw new InvalidVectorInputError('LanceDbVectorStore: directory is required');
    }
    this.#options = options;
  }

  #connect(): Promise<Connection> {
    if (this.#closed) throw new Error('LanceDbVectorStore is closed');
    // readConsistencyInterval 0: see other processes' commits on every read (measured ~2 ms).
    // The session caps the caches the library would otherwise grow to 6 GB + 1 GB per process.
    if (this.#db === undefined) {
      const session = new lancedb.Session(BigInt(this.#options.indexCacheBytes ?? 2 ** 30), BigInt(this.#options.metadataCacheBytes ?? 128 * 2 ** 20));
      this.#db = lancedb.connect(this.#options.directory, { readConsistencyInterval: 0, session });
    }
    return this.#db;
  }

  async #collection(name: string): Promise<OpenCollection> {
    assertCollectionName(name);
    let pending = this.#open.get(name);
    if (pending === undefined) {
      pending = (async () => {
        const db = await this.#connect();
        if (!(await db.tableNames()).includes(name)) throw new CollectionNotFoundError(name);
        const table = await db.openTable(name);
        const schema = await table.schema();
        const info = infoFromSchema(name, schema);
        if (info === undefined) throw new CollectionNotFoundError(name);
        return { table, info, annIndex: annIndexFromSchema(schema) ?? this.#options.indexType ?? 'hnsw_sq' };
      })();
      this.#open.set(name, pending);
      pending.catch(() => this.#open.delete(name));
    }
    return pending;
  }

  async ensureCollection(spec: CollectionSpec): Promise<CollectionInfo> {
    const want = normalizeSpec(spec);
    const db = await this.#connect();
    if (!(await db.tableNames()).includes(want.name)) {
      // existOk: when two processes race, one creates and both then read the winner's settings.
      await db.createEmptyTable(want.name, tableSchema(want, want.annIndex), { mode: 'create', existOk: true });
    }
    this.#open.delete(want.name);
    const { info } = await this.#collection(want.name);
    if (info.dimensions !== want.dimensions || info.distance !== want.distance || !sameMeta(info.meta, want.meta)) {
      throw new CollectionMismatchError(want, info);
    }
    return info;
  }

  async describeCollection(name: string): Promise<CollectionInfo | undefined> {
    try {
      return (await this.#collection(name)).info;
    } catch (error) {
      if (error instanceof CollectionNotFoundError) return undefined;
      throw error;
    }
  }

  async listCollections(): Promise<CollectionInfo[]> {
    const names = await (await this.#connect()).tableNames();
    const infos = await Promise.all(names.sort().map((n) => this.describeCollection(n)));
    return infos.filter((i): i is CollectionInfo => i !== undefined);
  }

  async dropCollection(name: string): Promise<boolean> {
    assertCollectionName(name);
    const db = await this.#connect();
    const cached = this.#open.get(name);
    this.#open.delete(name);
    if (cached) (await cached.catch(() => undefined))?.table.close();
    if (!(await db.tableNames()).includes(name)) return false;
    await db.dropTable(name);
    return true;
  }

  forTenant(tenant: string): TenantVectorStore {
    return scopeToTenant(this, tenant);
  }

  async upsert(tenant: string, collection: string, points: readonly VectorPoint[]): Promise<{ upserted: number }> {
    const { table, info } = await this.#collection(collection);
    for (const p of points) assertPoint(p, info.dimensions);
    const unique = dedupeById(points);
    const schema = await table.schema();
    for (const batch of chunks(unique, this.#options.upsertBatchSize ?? 2_000)) {
      const data = lancedb.makeArrowTable(
        batch.map((p) => toRow(tenant, p)),
        { schema },
      );
      // A matched id owned by another tenant is neither updated nor re-inserted.
      await table.mergeInsert('id').whenMatchedUpdateAll({ where: 'target.tenant = source.tenant' }).whenNotMatchedInsertAll().execute(data);
    }
    return { upserted: unique.length };
  }

  /**
   * Bulk load: appends points whose ids are NOT in the collection yet, without the merge upsert does
   * (one commit per `batchSize` points, much faster for a first load of millions of rows). An id that
   * is already there would be stored twice: use `upsert` unless the ids are known to be new. Not part of
   * the port (Qdrant upserts are cheap).
   */
  async appendNew(tenant: string, collection: string, points: readonly VectorPoint[], batchSize = 50_000): Promise<{ appended: number }> {
    assertTenant(tenant);
    const { table, info } = await this.#collection(collection);
    for (const p of points) assertPoint(p, info.dimensions);
    const unique = dedupeById(points);
    const schema = await table.schema();
    for (const batch of chunks(unique, batchSize)) {
      await table.add(
        lancedb.makeArrowTable(
          batch.map((p) => toRow(tenant, p)),
          { schema },
        ),
      );
    }
    return { appended: unique.length };
  }

  async deleteByIds(tenant: string, collection: string, ids: readonly string[]): Promise<void> {
    const { table } = await this.#collection(collection);
    for (const batch of chunks([...new Set(ids)], 1_000)) {
      await table.delete(whereClause(tenant, undefined, [`id IN (${batch.map(lit).join(', ')})`]));
    }
  }

  async deleteByFilter(tenant: string, collection: string, filter: VectorFilter): Promise<void> {
    const { table } = await this.#collection(collection);
    await table.delete(whereClause(tenant, filter));
  }

  async search(tenant: string, collection: string, request: SearchRequest): Promise<SearchHit[]> {
    const { table, info, annIndex } = await this.#collection(collection);
    const topK = topKOf(request);
    assertVector(request.vector, info.dimensions);
    let query = table
      .vectorSearch(request.vector instanceof Float32Array ? request.vector : Float32Array.from(request.vector))
      .column('vector')
      .distanceType(lanceDistance(info.distance))
      .where(whereClause(tenant, request.filter))
      .select([...PAYLOAD_COLUMNS, '_distance'])
      .limit(topK)
      .ef(this.#options.ef ?? 100);
    // IVF_PQ always re-ranks (its codes are coarse); HNSW_SQ only when the caller compares scores.
    if (annIndex === 'ivf_pq') query = query.refineFactor(this.#options.refineFactor ?? 10);
    else if (request.exactScores) query = query.refineFactor(1);
    const rows = (await query.toArray()) as Record<string, unknown>[];
    return rows.map((row) => ({ ...fromRow(row), score: scoreFromDistance(info.distance, Number(row._distance)) }));
  }

  async listByDocument(tenant: string, collection: string, documentId: string): Promise<StoredPoint[]> {
    const { table } = await this.#collection(collection);
    const rows = (await table
      .query()
      .where(whereClause(tenant, { field: 'documentId', eq: documentId }))
      .select(PAYLOAD_COLUMNS)
      .toArray()) as Record<string, unknown>[];
    return rows.map(fromRow).sort((a, b) => a.payload.chunkIndex - b.payload.chunkIndex);
  }

  async count(tenant: string, collection: string, filter?: VectorFilter): Promise<number> {
    const { table } = await this.#collection(collection);
    return table.countRows(whereClause(tenant, filter));
  }

  async maintain(options: MaintainOptions = {}): Promise<MaintenanceReport> {
    const report: MaintenanceReport = { collections: [] };
    const only = options.collections ? new Set(options.collections) : undefined;
    for (const info of await this.listCollections()) {
      if (only && !only.has(info.name)) continue;
      const started = performance.now();
      try {
        const { table, annIndex } = await this.#collection(info.name);
        report.collections.push({ name: info.name, ...(await maintainTable(table, info, this.#options, annIndex)) });
      } catch (error) {
        // One broken collection must not stop housekeeping of the others.
        report.collections.push({
          name: info.name,
          vectorIndexBuilt: false,
          optimized: false,
          ms: Math.round(performance.now() - started),
          error: String(error),
        });
      }
    }
    return report;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const open = [...this.#open.values()];
    this.#open.clear();
    for (const p of open) (await p.catch(() => undefined))?.table.close();
    (await this.#db?.catch(() => undefined))?.close();
  }
}
