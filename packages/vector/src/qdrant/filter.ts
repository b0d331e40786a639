import type { Schemas } from '@qdrant/js-client-rest';
import type { VectorFilter } from '../filter';
import { flattenFilter } from '../filter';
import type { MetadataValue } from '../types';

type Condition = Schemas['Condition'];
export type QdrantFilter = Schemas['Filter'];

/** Payload key of the tenant; written by the adapter only, never reachable from a VectorFilter. */
export const TENANT_KEY = 'tenant';

function matchOne(key: string, value: MetadataValue): Condition {
  // Qdrant matches strings, integers and booleans exactly; a float needs a closed range.
  if (typeof value === 'number' && !Number.isInteger(value)) return { key, range: { gte: value, lte: value } };
  return { key, match: { value } };
}

/** One condition, or null when nothing can match (an empty `in`, a number for documentId). */
function condition(field: string, values: MetadataValue[]): Condition | null {
  const candidates = field === 'documentId' ? values.filter((v) => typeof v === 'string') : values;
  if (candidates.length === 0) return null;
  if (candidates.length === 1) return matchOne(field, candidates[0]!);
  if (candidates.every((v) => typeof v === 'string')) return { key: field, match: { any: candidates } };
  if (candidates.every((v) => typeof v === 'number' && Number.isInteger(v))) return { key: field, match: { any: candidates as number[] } };
  return { should: candidates.map((v) => matchOne(field, v)) };
}

/**
 * The Qdrant filter for `tenant` AND `filter` (AND `extra`). The tenant condition is always first
 * in `must`, so nothing in the caller's filter can widen the result past the tenant.
 * Returns null when the filter can match nothing.
 */
export function toQdrantFilter(tenant: string, filter?: VectorFilter, extra: Condition[] = []): QdrantFilter | null {
  const must: Condition[] = [{ key: TENANT_KEY, match: { value: tenant } }, ...extra];
  for (const c of flattenFilter(filter)) {
    const translated = condition(c.field, 'eq' in c ? [c.eq] : c.in);
    if (translated === null) return null;
    must.push(translated);
  }
  return { must };
}
