import type { VectorFilter } from '../filter';
import { flattenFilter } from '../filter';
import type { MetadataValue } from '../types';
import { kvEntry } from './codec';

/** A SQL string literal ('' escapes a quote; DataFusion treats backslashes literally). */
export function lit(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function condition(field: string, values: MetadataValue[]): string {
  if (values.length === 0) return 'FALSE';
  if (field === 'documentId') {
    // documentId is always a string: a number or boolean can never match it (as in Qdrant).
    const strings = values.filter((v): v is string => typeof v === 'string');
    if (strings.length === 0) return 'FALSE';
    return strings.length === 1 ? `document_id = ${lit(strings[0]!)}` : `document_id IN (${strings.map(lit).join(', ')})`;
  }
  const key = field.slice('metadata.'.length);
  const entries = values.map((v) => lit(kvEntry(key, v)));
  return entries.length === 1 ? `array_has(meta_kv, ${entries[0]})` : `array_has_any(meta_kv, [${entries.join(', ')}])`;
}

/** WHERE clause: the tenant is always the first conjunct, whatever the caller's filter says. */
export function whereClause(tenant: string, filter?: VectorFilter, extra: string[] = []): string {
  const parts = [`tenant = ${lit(tenant)}`, ...extra];
  for (const c of flattenFilter(filter)) parts.push(condition(c.field, 'eq' in c ? [c.eq] : c.in));
  return parts.map((p) => `(${p})`).join(' AND ');
}
