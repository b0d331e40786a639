import { stableJson as canonical } from '@llmops/contracts';
import { Ajv, type CodeOptions, type ErrorObject, type SchemaValidateFunction, type ValidateFunction } from 'ajv';

type RegExpEngine = NonNullable<CodeOptions['regExp']>;
import { formatCount, GradeError, GradeLimitError, gradeLimits } from './limits';
import { compilePattern, PatternError } from './safe-regex';
import { jsonDepthExceeds, schemaSizeIssue, walkSchema, type SchemaIssue } from './schema-walk';
import { charge, metered } from './work-meter';

/** A schema that cannot be used (found at grade time in a job accepted before the checks existed). */
export class SchemaError extends GradeError {
  constructor(message: string) {
    super('schema', message);
  }
}

/** What one validation says: valid, or the first error as "<instance path> <message>". */
export type SchemaVerdict = { valid: true } | { valid: false; detail: string };

export interface CompiledSchema {
  /** Validates within gradeLimits.schemaWorkBudget; throws {@link GradeLimitError} past it or past gradeLimits.maxJsonDepth. */
  validate(value: unknown): SchemaVerdict;
}

// What validation costs, in work units of about a nanosecond on the bench machine, each rounded up
// to the worst measured (bench/regex.bench.ts): the budget then bounds the time a grade can take.
const cost = {
  /** Applying one subschema to one value (measured: about 12 ns). */
  subschema: 40,
  /** Per character of a string a subschema is applied to (length keywords read it whole). */
  stringChar: 1,
  /** Per character x RE2 instruction of a pattern test: RE2's NFA bound, about 6 ns measured (its DFA is usually far cheaper). */
  patternStep: 6,
  /** Per array item uniqueItems canonicalises (measured: about 2 µs for a small object). */
  uniqueItem: 2_000,
};

// Our keyword, set on every subschema by walkSchema: a recursive schema cannot re-apply itself without paying.
const marker = 'llmopsWork';
const countSubschema: SchemaValidateFunction = (_schema: unknown, data: unknown) => {
  charge(cost.subschema + (typeof data === 'string' ? data.length * cost.stringChar : 0));
  return true;
};

/** ajv's `pattern`/`patternProperties` engine: RE2 through compilePattern, each test charged to the meter. */
const re2Engine: RegExpEngine = Object.assign(
  (pattern: string) => {
    const re = compilePattern(pattern, 'u');
    return {
      test(text: string) {
        charge(text.length * re.programSize * cost.patternStep);
        return re.test(text);
      },
      // ajv keys its pattern cache by toString().
      toString: () => `/${pattern}/u`,
    };
  },
  { code: 're2' },
);

/** JSON Schema `uniqueItems` in linear time: ajv's own compares every pair of items. */
const uniqueItems: SchemaValidateFunction = function (this: unknown, unique: unknown, data: unknown) {
  if (unique !== true || !Array.isArray(data)) return true;
  const seen = new Map<string, number>();
  for (let index = 0; index < data.length; index++) {
    const key = canonical(data[index]);
    charge(cost.uniqueItem + key.length * cost.stringChar);
    const first = seen.get(key);
    if (first !== undefined) {
      uniqueItems.errors = [
        { keyword: 'uniqueItems', message: `must NOT have duplicate items (items ## ${first} and ${index} are identical)`, params: { i: index, j: first } },
      ];
      return false;
    }
    seen.set(key, index);
  }
  return true;
};

function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: false, strict: false, logger: false, code: { regExp: re2Engine } });
  ajv.addKeyword({ keyword: marker, schemaType: 'boolean', validate: countSubschema, errors: false });
  ajv.removeKeyword('uniqueItems');
  ajv.addKeyword({ keyword: 'uniqueItems', type: 'array', schemaType: 'boolean', validate: uniqueItems, errors: true });
  return ajv;
}

const ajv = createAjv();
// Compiled schemas by schema text, least recently used first: a 1,000-item run compiles each once.
const compiled = new Map<string, { validate: ValidateFunction; instrumented: object }>();
// Small: each may hold up to maxSchemaPatterns patterns, each with a DFA cache (see the README's memory note).
const cacheSize = 32;

/** Every problem of a JSON Schema: paths are dotted, relative to the schema ('' is the schema itself). */
export function schemaProblems(schema: Record<string, unknown>): SchemaIssue[] {
  try {
    compileSchema(schema);
    return [];
  } catch (error) {
    if (error instanceof SchemaIssues) return error.issues;
    throw error;
  }
}

/** Why a schema cannot be used ("<path>: <message>" for a problem inside it), or null when it can. */
export function schemaProblem(schema: Record<string, unknown>): string | null {
  const first = schemaProblems(schema)[0];
  return first ? (first.path ? `${first.path}: ${first.message}` : first.message) : null;
}

/** Compiles (once) a schema; throws {@link SchemaError} when it cannot be used. */
export function schemaValidator(schema: Record<string, unknown>): CompiledSchema {
  let validate: ValidateFunction;
  try {
    validate = compileSchema(schema);
  } catch (error) {
    if (error instanceof SchemaIssues) throw new SchemaError(`schema: ${schemaProblem(schema) ?? 'invalid'}`);
    throw error;
  }
  return {
    validate(value) {
      if (jsonDepthExceeds(value, gradeLimits.maxJsonDepth)) throw new GradeLimitError(`output nests deeper than ${gradeLimits.maxJsonDepth} levels`);
      let valid: boolean;
      try {
        valid = metered(gradeLimits.schemaWorkBudget, () => validate(value) === true);
      } catch (error) {
        // Unreachable with the checks above (no same-value $ref cycles, bounded depth); kept so a gap fails one grade, not the job.
        if (error instanceof RangeError) throw new GradeLimitError('validation recursed too deeply');
        throw error;
      }
      return valid ? { valid: true } : { valid: false, detail: describe(validate.errors?.[0]) };
    },
  };
}

const describe = (error: ErrorObject | undefined) => (error ? `${error.instancePath || '/'} ${error.message ?? 'invalid'}` : 'invalid');

class SchemaIssues extends Error {
  constructor(readonly issues: SchemaIssue[]) {
    super(issues.map((issue) => issue.message).join('; '));
  }
}

function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  // Size first, without recursion: JSON.stringify of a 3,000-deep schema would overflow the stack.
  const sizeIssue = schemaSizeIssue(schema);
  if (sizeIssue) throw new SchemaIssues([sizeIssue]);
  const key = JSON.stringify(schema);
  const hit = compiled.get(key);
  if (hit) {
    // Map order is insertion order: re-inserting makes this the most recently used.
    compiled.delete(key);
    compiled.set(key, hit);
    return hit.validate;
  }
  if (key.length > gradeLimits.maxSchemaChars) {
    throw new SchemaIssues([
      { path: '', message: `schema is ${formatCount(key.length)} characters as JSON; the limit is ${formatCount(gradeLimits.maxSchemaChars)}` },
    ]);
  }
  const walked = walkSchema(schema, marker);
  const issues = [...walked.issues, ...walked.patterns.flatMap(({ path, pattern }) => patternIssue(path, pattern))];
  if (issues.length > 0) throw new SchemaIssues(issues);
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(walked.instrumented);
  } catch (error) {
    throw new SchemaIssues([{ path: '', message: error instanceof Error ? error.message : String(error) }]);
  }
  if (compiled.size >= cacheSize) {
    const [oldest, entry] = compiled.entries().next().value!;
    compiled.delete(oldest);
    // ajv keeps every compiled schema by object; dropping ours frees it and the patterns it holds.
    ajv.removeSchema(entry.instrumented);
  }
  compiled.set(key, { validate, instrumented: walked.instrumented });
  return validate;
}

function patternIssue(path: string, pattern: string): SchemaIssue[] {
  try {
    compilePattern(pattern, 'u');
    return [];
  } catch (error) {
    if (error instanceof PatternError) return [{ path, message: error.message }];
    throw error;
  }
}
