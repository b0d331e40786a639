/**
 * A short, input-free name for what went wrong, for the `error.type` attribute: the error's own
 * `reason` (e.g. `budget_exhausted`) when it has one, else its class name (e.g. `InputTooLongError`),
 * else its `kind`. Never the message: messages may quote input, and span attributes are not scrubbed.
 */
export function errorTypeOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '_OTHER';
  const { reason, kind } = error as { reason?: unknown; kind?: unknown };
  if (typeof reason === 'string' && SAFE.test(reason)) return reason;
  const name = error.constructor?.name;
  if (name && name !== 'Error' && name !== 'Object' && SAFE.test(name)) return name;
  if (typeof kind === 'string' && SAFE.test(kind)) return kind;
  return name === 'Error' ? 'Error' : '_OTHER';
}

// Identifier-shaped only: a value that could be free text is not used.
const SAFE = /^[A-Za-z][\w.-]{0,63}$/;
