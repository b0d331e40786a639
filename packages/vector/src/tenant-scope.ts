import { InvalidVectorInputError } from './errors';
import type { VectorFilter } from './filter';
import { assertFilter } from './filter';
import type { SearchRequest, TenantVectorStore } from './port';
import type { SearchHit, StoredPoint, VectorPoint } from './types';
import { assertTenant } from './validate';

/** What an adapter implements: the same operations, with the tenant as a required first argument. */
export interface TenantBackend {
  upsert(tenant: string, collection: string, points: readonly VectorPoint[]): Promise<{ upserted: number }>;
  deleteByIds(tenant: string, collection: string, ids: readonly string[]): Promise<void>;
  deleteByFilter(tenant: string, collection: string, filter: VectorFilter): Promise<void>;
  search(tenant: string, collection: string, request: SearchRequest): Promise<SearchHit[]>;
  listByDocument(tenant: string, collection: string, documentId: string): Promise<StoredPoint[]>;
  count(tenant: string, collection: string, filter?: VectorFilter): Promise<number>;
}

/** Binds a backend to one tenant and validates filters before any adapter sees them. */
export function scopeToTenant(backend: TenantBackend, tenant: string): TenantVectorStore {
  assertTenant(tenant);
  const checked = (filter: VectorFilter | undefined) => {
    if (filter !== undefined) assertFilter(filter);
    return filter;
  };
  return Object.freeze({
    tenant,
    upsert: async (c: string, points: readonly VectorPoint[]) => backend.upsert(tenant, c, points),
    deleteByIds: async (c: string, ids: readonly string[]) => backend.deleteByIds(tenant, c, ids),
    deleteByFilter: async (c: string, f: VectorFilter) => backend.deleteByFilter(tenant, c, checked(f) as VectorFilter),
    deleteByDocument: async (c: string, documentId: string) =>
      backend.deleteByFilter(tenant, c, { field: 'documentId', eq: documentId }),
    search: async (c: string, r: SearchRequest) => backend.search(tenant, c, { ...r, filter: checked(r.filter) }),
    listByDocument: async (c: string, documentId: string) => backend.listByDocument(tenant, c, documentId),
    count: async (c: string, f?: VectorFilter) => backend.count(tenant, c, checked(f)),
  });
}

export function topKOf(request: SearchRequest): number {
  const k = request.topK ?? 10;
  if (!Number.isInteger(k) || k < 1 || k > 1000) throw new InvalidVectorInputError(`topK must be an integer in 1..1000, got ${k}`);
  return k;
}
