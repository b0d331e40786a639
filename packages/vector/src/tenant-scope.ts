import { InvalidVectorInputError } from './errors';
import type { VectorFilter } from './filter';
import { assertFilter } from './filter';
import type { SearchRequest, TenantVectorStore } from './port';
import type { SearchHit, StoredPoint, VectorPoint } from './types';
import { Attr } from '@llmops/telemetry';
import { tracedOperation } from './tracing';
import { assertTenant } from './validate';

/** What an adapter implements: the same operations, with the tenant as a required first argument. */
export interface TenantBackend {
  /** The store's kind (qdrant, lancedb), named on trace spans. */
  readonly kind?: string;
  upsert(tenant: string, collection: string, points: readonly VectorPoint[]): Promise<{ upserted: number }>;
  deleteByIds(tenant: string, collection: string, ids: readonly string[]): Promise<void>;
  deleteByFilter(tenant: string, collection: string, filter: VectorFilter): Promise<void>;
  search(tenant: string, collection: string, request: SearchRequest): Promise<SearchHit[]>;
  listByDocument(tenant: string, collection: string, documentId: string): Promise<StoredPoint[]>;
  count(tenant: string, collection: string, filter?: VectorFilter): Promise<number>;
}

/**
 * Binds a backend to one tenant and validates filters before any adapter sees them. Every operation
 * is a trace span (see ./tracing).
 */
export function scopeToTenant(backend: TenantBackend, tenant: string): TenantVectorStore {
  assertTenant(tenant);
  const checked = (filter: VectorFilter | undefined) => {
    if (filter !== undefined) assertFilter(filter);
    return filter;
  };
  const traced = <T>(
    operation: string,
    c: string,
    attributes: Record<string, number | boolean | undefined>,
    work: () => Promise<T>,
    count?: (result: T) => number,
  ) => tracedOperation(backend.kind, operation, c, tenant, attributes, work, count && ((result, span) => span.setAttribute(Attr.vectorHits, count(result))));
  return Object.freeze({
    tenant,
    upsert: async (c: string, points: readonly VectorPoint[]) =>
      traced('upsert', c, { [Attr.vectorPoints]: points.length }, () => backend.upsert(tenant, c, points)),
    deleteByIds: async (c: string, ids: readonly string[]) =>
      traced('delete', c, { [Attr.vectorPoints]: ids.length }, () => backend.deleteByIds(tenant, c, ids)),
    deleteByFilter: async (c: string, f: VectorFilter) => traced('delete', c, {}, () => backend.deleteByFilter(tenant, c, checked(f) as VectorFilter)),
    deleteByDocument: async (c: string, documentId: string) =>
      traced('delete', c, {}, () => backend.deleteByFilter(tenant, c, { field: 'documentId', eq: documentId })),
    search: async (c: string, r: SearchRequest) =>
      traced(
        'search',
        c,
        { [Attr.vectorTopK]: r.topK ?? 10, 'llmops.vector.exact_scores': r.exactScores === true, 'llmops.vector.filtered': r.filter !== undefined },
        () => backend.search(tenant, c, { ...r, filter: checked(r.filter) }),
        (hits) => hits.length,
      ),
    listByDocument: async (c: string, documentId: string) =>
      traced(
        'list',
        c,
        {},
        () => backend.listByDocument(tenant, c, documentId),
        (points) => points.length,
      ),
    count: async (c: string, f?: VectorFilter) =>
      traced(
        'count',
        c,
        {},
        () => backend.count(tenant, c, checked(f)),
        (n) => n,
      ),
  });
}

export function topKOf(request: SearchRequest): number {
  const k = request.topK ?? 10;
  if (!Number.isInteger(k) || k < 1 || k > 1000) throw new InvalidVectorInputError(`topK must be an integer in 1..1000, got ${k}`);
  return k;
}
