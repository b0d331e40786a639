import { describe, expect, it } from 'vitest';
import { InvalidVectorInputError, VectorFilterSchema, and, anyOf, assertFilter, eq } from '../src';

describe('VectorFilter language', () => {
  it('accepts documentId, metadata keys, in-lists and nested AND', () => {
    const f = and(eq('documentId', 'd1'), anyOf('metadata.lang', ['en', 'de']), and(eq('metadata.page', 3)));
    expect(VectorFilterSchema.parse(f)).toEqual(f);
  });

  it.each([
    ['a tenant field', { field: 'tenant', eq: 'other' }],
    ['an OR', { or: [{ field: 'documentId', eq: 'a' }] }],
    ['a nested metadata path', { field: 'metadata.a.b', eq: 1 }],
    ['a key with SQL in it', { field: "metadata.x' OR 1=1", eq: 1 }],
    ['an object value', { field: 'documentId', eq: { $ne: 1 } }],
    ['extra keys', { field: 'documentId', eq: 'a', tenant: 'b' }],
    ['both eq and in', { field: 'documentId', eq: 'a', in: ['b'] }],
  ])('rejects %s with InvalidVectorInputError', (_label, filter) => {
    expect(() => assertFilter(filter)).toThrow(InvalidVectorInputError);
  });
});
