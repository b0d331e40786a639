/**
 * How much work one grade may do. Tenants share workers, so every figure here bounds what a
 * tenant-supplied pattern, schema or output can cost a worker's event loop (see the README).
 */
export const gradeLimits = {
  /** Characters of an output any deterministic grader reads; a longer output is an error grade, not a prefix. Default 100,000. */
  maxOutputChars: 100_000,
  /** Levenshtein cells (output length x expected length, after their common prefix and suffix). Default 25,000,000 (about 60 ms). */
  maxEditCells: 25_000_000,
  /** Characters of one regular expression (grader pattern or schema `pattern`). Default 1,000. */
  maxPatternLength: 1_000,
  /** RE2 program size (instructions) of one compiled pattern; matching costs at most this per character. Default 1,000. */
  maxProgramSize: 1_000,
  /** Nesting of a JSON Schema document (objects and arrays). Default 32. */
  maxSchemaDepth: 32,
  /** JSON values (objects, arrays, scalars) in a JSON Schema document. Default 5,000. */
  maxSchemaNodes: 5_000,
  /** Characters of a JSON Schema document (as JSON). Default 100,000. */
  maxSchemaChars: 100_000,
  /** `pattern` and `patternProperties` entries in one JSON Schema. Default 20. */
  maxSchemaPatterns: 20,
  /** Nesting of a JSON output the json-schema grader validates. Default 64. */
  maxJsonDepth: 64,
  /** Work units (about a nanosecond each; see json-schema.ts) one schema validation may spend. Default 500,000,000 (at most about 0.5 s). */
  schemaWorkBudget: 500_000_000,
  /** re2js's lazy DFA cache per compiled pattern, in its own cost units (about bytes). Default 512 KiB (re2js: 8 MiB). */
  dfaMemory: 512 * 1024,
} as const;

/** Why a grade could not be given. `kind` says which (classify by it or with instanceof, never by name). */
export class GradeError extends Error {
  constructor(
    readonly kind: 'missing-expected' | 'pattern' | 'schema' | 'limit',
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The output, the pair of texts or the validation would cost more than {@link gradeLimits} allows. */
export class GradeLimitError extends GradeError {
  constructor(message: string) {
    super('limit', message);
  }
}

/** `1,234,567` */
export const formatCount = (value: number) => value.toLocaleString('en-US');
