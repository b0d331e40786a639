import { Ajv, type ValidateFunction } from 'ajv';

const ajv = new Ajv({ allErrors: false, strict: false });
// Compiled validators by schema text: graders of a 1,000-item run compile each schema once.
const compiled = new Map<string, ValidateFunction>();

/** Compiles (once) and returns a validator; throws on an invalid schema. */
export function schemaValidator(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    if (compiled.size > 500) compiled.clear();
    compiled.set(key, validate);
  }
  return validate;
}

/** Why a schema cannot be compiled, or null when it can (for request validation). */
export function schemaProblem(schema: Record<string, unknown>): string | null {
  try {
    schemaValidator(schema);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
