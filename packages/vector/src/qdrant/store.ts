import { QdrantClient } from '@qdrant/js-client-rest';
import type { Schemas } from '@qdrant/js-client-rest';
import { CollectionMismatchError, CollectionNotFoundError, InvalidVectorInputError } from '../errors';
import type { VectorFilter } from '../filter';
import type { MaintainOptions, MaintenanceReport, SearchRequest, TenantVectorStore, VectorStore } from '../port';
import { withRetry } from '../retry';
import type { TenantBackend } from '../tenant-scope';
import { scopeToTenant, topKOf } from '../tenant-scope';
import type { CollectionInfo, CollectionSpec, Distance, MetadataValue, PointPayload, SearchHit, StoredPoint, VectorPoint } from '../types';
import { assertCollectionName, assertPoint, assertVector, chunks, dedupeById, normalizeSpec, sameMeta } from '../validate';
import { isTransientQdrantError, statusOf } from './errors';
import { TENANT_KEY, toQdrantFilter } from './filter';
import type { QdrantStoreOptions } from './options';

const TO_QDRANT: Record<Distance, Schemas['Distance']> = { cosine: 'Cosine', dot: 'Dot', euclid: 'Euclid' };
/** Key inside Qdrant's collection metadata holding our opaque `meta`. */
const META_KEY = 'llmops_meta';

function toPayload(raw: Record<string, unknown> | null | undefined): PointPayload {
  const p = raw ?? {};
  return {
    documentId: String(p.documentId),
    chunkIndex: Number(p.chunkIndex),
    hash: String(p.hash),
    text: String(p.text),
    start: Number(p.start),
    end: Number(p.end),
    metadata: (p.metadata ?? {}) as Record<string, MetadataValue>,
  };
}

/** Production adapter over Qdrant's REST API. */
export class QdrantVectorStore implements VectorStore, TenantBackend {
  readonly kind = 'qdrant' as const;
  readonly #client: QdrantClient;
  readonly #options: QdrantStoreOptions;
  readonly #dims = new Map<string, number>();

  constructor(options: QdrantStoreOptions) {
    if (!options.url) throw new InvalidVectorInputError('QdrantVectorStore: url is required');
    this.#options = options;
    this.#client = new QdrantClient({
      url: options.url,
      ...(options.apiKey ? { apiKey: options.apiKey } : {}),
      timeout: options.timeoutMs ?? 30_000,
      checkCompatibility: options.checkCompatibility ?? false,
    });
  }

  /** Retries transient failures; turns a 404 into CollectionNotFoundError. */
  async #call<T>(collection: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await withRetry(fn, isTransientQdrantError, this.#options.retry);
    } catch (error) {
      if (statusOf(error) === 404) {
        this.#dims.delete(collection);
        throw new CollectionNotFoundError(collection);
      }
      throw error;
    }
  }

  async #dimensions(collection: string): Promise<number> {
    const known = this.#dims.get(collection);
    if (known !== undefined) return known;
    const info = await this.describeCollection(collection);
    if (info === undefined) throw new CollectionNotFoundError(collection);
    return info.dimensions;
  }

  async ensureCollection(spec: CollectionSpec): Promise<CollectionInfo> {
    const want = normalizeSpec(spec);
    let info = await this.describeCollection(want.name);
    if (info === undefined) {
      try {
        await this.#call(want.name, () =>
          this.#client.createCollection(want.name, {
            vectors: { size: want.dimensions, distance: TO_QDRANT[want.distance] },
            metadata: { [META_KEY]: want.meta },
          }),
        );
      } catch (error) {
        // Another process created it first (409; some versions say 400): compare with theirs.
        const status = statusOf(error);
        if ((status !== 409 && status !== 400) || (await this.describeCollection(want.name)) === undefined) throw error;
      }
      // is_tenant co-locates each tenant's points; both indexes make the filters cheap.
      await this.#call(want.name, () =>
        this.#client.createPayloadIndex(want.name, { wait: true, field_name: TENANT_KEY, field_schema: { type: 'keyword', is_tenant: true } }),
      );
      for (const field of new Set(['documentId', ...want.keywordIndexes])) {
        await this.#call(want.name, () => this.#client.createPayloadIndex(want.name, { wait: true, field_name: field, field_schema: 'keyword' }));
      }
      info = await this.describeCollection(want.name);
      if (info === undefined) throw new CollectionNotFoundError(want.name);
    }
    if (info.dimensions !== want.dimensions || info.distance !== want.distance || !sameMeta(info.meta, want.meta)) {
      throw new CollectionMismatchError(want, info);
    }
    return info;
  }

  async describeCollection(name: string): Promise<CollectionInfo | undefined> {
    assertCollectionName(name);
    let raw: Schemas['CollectionInfo'];
    try {
      raw = await this.#call(name, () => this.#client.getCollection(name));
    } catch (error) {
      if (error instanceof CollectionNotFoundError) return undefined;
      throw error;
    }
    const vectors = raw.config.params.vectors as { size?: number; distance?: string } | undefined;
    if (vectors?.size === undefined) return undefined; // named vectors: not a collection of ours
    const distance = (Object.keys(TO_QDRANT) as Distance[]).find((d) => TO_QDRANT[d] === vectors.distance) ?? 'cosine';
    const meta = (raw.config.metadata?.[META_KEY] ?? {}) as Record<string, MetadataValue>;
    this.#dims.set(name, vectors.size);
    return { name, dimensions: vectors.size, distance, meta };
  }

  async listCollections(): Promise<CollectionInfo[]> {
    const { collections } = await this.#call('', () => this.#client.getCollections());
    const infos = await Promise.all(
      collections
        .map((c) => c.name)
        .sort()
        .map((n) => this.describeCollection(n)),
    );
    return infos.filter((i): i is CollectionInfo => i !== undefined);
  }

  async dropCollection(name: string): Promise<boolean> {
    assertCollectionName(name);
    this.#dims.delete(name);
    if ((await this.describeCollection(name)) === undefined) return false;
    return this.#call(name, () => this.#client.deleteCollection(name));
  }

  forTenant(tenant: string): TenantVectorStore {
    return scopeToTenant(this, tenant);
  }

  async upsert(tenant: string, collection: string, points: readonly VectorPoint[]): Promise<{ upserted: number }> {
    const dimensions = await this.#dimensions(collection);
    for (const p of points) assertPoint(p, dimensions);
    const unique = dedupeById(points);
    for (const batch of chunks(unique, this.#options.batchSize ?? 256)) {
      await this.#call(collection, () =>
        this.#client.upsert(collection, {
          wait: true,
          points: batch.map((p) => ({ id: p.id, vector: Array.from(p.vector), payload: { ...p.payload, [TENANT_KEY]: tenant } })),
          // An existing id owned by another tenant is left untouched.
          update_filter: { must: [{ key: TENANT_KEY, match: { value: tenant } }] },
        }),
      );
    }
    return { upserted: unique.length };
  }

  async deleteByIds(tenant: string, collection: string, ids: readonly string[]): Promise<void> {
    for (const batch of chunks([...new Set(ids)], 1_000)) {
      const filter = toQdrantFilter(tenant, undefined, [{ has_id: batch }]);
      if (filter) await this.#call(collection, () => this.#client.delete(collection, { wait: true, filter }));
    }
  }

  async deleteByFilter(tenant: string, collection: string, filter: VectorFilter): Promise<void> {
    const q = toQdrantFilter(tenant, filter);
    if (q) await this.#call(collection, () => this.#client.delete(collection, { wait: true, filter: q }));
  }

  async search(tenant: string, collection: string, request: SearchRequest): Promise<SearchHit[]> {
    const limit = topKOf(request);
    assertVector(request.vector, await this.#dimensions(collection));
    const filter = toQdrantFilter(tenant, request.filter);
    if (!filter) return [];
    const { points } = await this.#call(collection, () =>
      this.#client.query(collection, {
        query: Array.from(request.vector),
        filter,
        limit,
        with_payload: true,
        // Rescoring only matters for quantized collections; without quantization scores are exact already.
        ...(request.exactScores ? { params: { quantization: { rescore: true } } } : {}),
      }),
    );
    return points.map((p) => ({ id: String(p.id), score: p.score, payload: toPayload(p.payload) }));
  }

  async listByDocument(tenant: string, collection: string, documentId: string): Promise<StoredPoint[]> {
    const filter = toQdrantFilter(tenant, { field: 'documentId', eq: documentId });
    const out: StoredPoint[] = [];
    let offset: Schemas['ExtendedPointId'] | null | undefined;
    do {
      const page = await this.#call(collection, () =>
        this.#client.scroll(collection, { filter: filter!, limit: 256, with_payload: true, with_vector: false, ...(offset != null ? { offset } : {}) }),
      );
      for (const p of page.points) out.push({ id: String(p.id), payload: toPayload(p.payload) });
      offset = page.next_page_offset as Schemas['ExtendedPointId'] | null | undefined;
    } while (offset != null);
    return out.sort((a, b) => a.payload.chunkIndex - b.payload.chunkIndex);
  }

  async count(tenant: string, collection: string, filter?: VectorFilter): Promise<number> {
    const q = toQdrantFilter(tenant, filter);
    if (!q) {
      await this.#dimensions(collection); // still report a missing collection
      return 0;
    }
    return (await this.#call(collection, () => this.#client.count(collection, { filter: q, exact: true }))).count;
  }

  /** Qdrant indexes and compacts by itself; nothing to schedule. */
  async maintain(options: MaintainOptions = {}): Promise<MaintenanceReport> {
    const only = options.collections ? new Set(options.collections) : undefined;
    const collections = (await this.listCollections()).filter((c) => !only || only.has(c.name));
    return { collections: collections.map((c) => ({ name: c.name, vectorIndexBuilt: false, optimized: false, ms: 0 })) };
  }

  async close(): Promise<void> {
    // The REST client holds no resources that need releasing.
  }
}
