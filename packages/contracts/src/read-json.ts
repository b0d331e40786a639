import type { z } from 'zod';

/**
 * Stored data that cannot be read back: not JSON, or JSON its schema refuses. The message names the
 * failing paths only, never a value (stored data may hold a tenant's text).
 */
export class StoredDataError extends Error {
  readonly kind = 'stored-data' as const;
  override readonly name = 'StoredDataError';
  /** Where the value did not fit its schema (empty when the text is not JSON). */
  readonly paths: readonly string[];

  constructor(message: string, paths: readonly string[], options?: { cause?: unknown }) {
    super(message, options);
    this.paths = paths;
  }
}

/**
 * Parses JSON read back from Redis, disk or a provider with the zod schema that wrote it (or that the
 * provider documents), so nothing downstream trusts an unchecked `JSON.parse(...) as T`.
 * Throws StoredDataError when the text is not JSON or the value does not match.
 */
export function readJson<S extends z.ZodType>(schema: S, raw: string): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new StoredDataError('stored data is not valid JSON', [], { cause: error });
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const paths = [...new Set(parsed.error.issues.map((issue) => issue.path.map(String).join('.') || '(root)'))];
  throw new StoredDataError(`stored data does not match its schema at ${paths.join(', ')}`, paths, { cause: parsed.error });
}
