import { z } from 'zod';
import { InvalidVectorInputError } from './errors';
import type { FilterField, MetadataValue } from './types';

/** Metadata keys usable in filters: safe as Qdrant payload paths and inside LanceDB SQL literals. */
export const METADATA_KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export type { FilterField };

/** `field == value` */
export interface EqCondition {
  field: FilterField;
  eq: MetadataValue;
}
/** `field` is one of `values` (an empty list matches nothing). */
export interface InCondition {
  field: FilterField;
  in: MetadataValue[];
}
/** Every sub-filter holds (an empty list matches everything). */
export interface AndFilter {
  and: VectorFilter[];
}
/**
 * The filter language shared by every adapter. There is deliberately no `tenant` field and no
 * OR at the top level: adapters AND the caller's tenant onto whatever is given here.
 */
export type VectorFilter = EqCondition | InCondition | AndFilter;

const scalar = z.union([z.string(), z.number().finite(), z.boolean()]);
const field = z.union([z.literal('documentId'), z.string().regex(/^metadata\.[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'metadata.<key> with key [A-Za-z_][A-Za-z0-9_]*')]);

/** zod schema of {@link VectorFilter}, for validating filters that arrive over HTTP. */
export const VectorFilterSchema: z.ZodType<VectorFilter> = z.lazy(() =>
  z.union([
    z.object({ field, eq: scalar }).strict(),
    z.object({ field, in: z.array(scalar).max(1024) }).strict(),
    z.object({ and: z.array(VectorFilterSchema).max(64) }).strict(),
  ]),
) as z.ZodType<VectorFilter>;

/** Throws {@link InvalidVectorInputError} unless `filter` is a well-formed {@link VectorFilter}. */
export function assertFilter(filter: unknown): asserts filter is VectorFilter {
  const r = VectorFilterSchema.safeParse(filter);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new InvalidVectorInputError(`invalid filter at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}`);
  }
}

/** Conditions of a filter with nested ANDs flattened. */
export function flattenFilter(filter: VectorFilter | undefined): (EqCondition | InCondition)[] {
  if (filter === undefined) return [];
  if ('and' in filter) return filter.and.flatMap((f) => flattenFilter(f));
  return [filter];
}

/** Shorthand: `eq('documentId', 'doc-1')`, `eq('metadata.lang', 'en')`. */
export function eq(field: FilterField, value: MetadataValue): EqCondition {
  return { field, eq: value };
}
/** Shorthand: `anyOf('metadata.lang', ['en', 'de'])`. */
export function anyOf(field: FilterField, values: MetadataValue[]): InCondition {
  return { field, in: values };
}
/** Shorthand: `and(eq(...), anyOf(...))`. */
export function and(...filters: VectorFilter[]): AndFilter {
  return { and: filters };
}
