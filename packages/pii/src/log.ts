import { detect } from './detect';
import { splice } from './redact';
import type { EntityType } from './types';

const SENSITIVE_KEYS = [
  'authorization', 'Authorization', 'password', 'passwd', 'secret', 'clientSecret', 'client_secret',
  'apiKey', 'api_key', 'token', 'accessToken', 'access_token', 'refreshToken', 'refresh_token', 'idToken',
  'cookie', 'privateKey', 'private_key', 'vaultKey', 'encryptionKey', '"set-cookie"', '"x-api-key"', '"proxy-authorization"',
];

function pathFor(prefix: string, key: string): string {
  if (key.startsWith('"')) return prefix ? `${prefix}[${key}]` : `[${key}]`;
  return prefix ? `${prefix}.${key}` : key;
}

/**
 * Key paths for pino's `redact` option: sensitive keys at the top level and up to three levels deep
 * (`*.password`, `*.*.password`, `*.*.*.password`), plus request/response headers.
 * Usage: `pino({ redact: { paths: pinoRedactPaths, censor: '[REDACTED]' } })`.
 */
export const pinoRedactPaths: readonly string[] = Object.freeze(
  [...new Set(
    ['', '*', '*.*', '*.*.*', 'req.headers', 'res.headers', 'request.headers', 'headers'].flatMap((p) =>
      SENSITIVE_KEYS.map((k) => pathFor(p, k)),
    ),
  )],
);

// Cheap test a string must pass before any detector runs: most log lines carry no '@' and no long digit run.
const MAYBE_SENSITIVE = /@|\d{3}|sk-|[sr]k_|AKIA|ASIA|gh[pousr]_|github_pat_|xox|eyJ|PRIVATE KEY|:\/\/|whsec_|::|[A-Z]{2}\d{2}/;
const MAYBE_ASSIGNMENT = /passw|pwd|secret|api.?key|token/i;
const LOG_TYPES: readonly EntityType[] = ['SECRET', 'CREDIT_CARD', 'IBAN', 'SSN', 'EMAIL', 'PHONE', 'IP_ADDRESS'];

/** Replaces secret- and PII-shaped substrings of one log string with "[TYPE]". Context-only types (names, birth dates) are not scanned. */
export function scrubLogString(s: string): string {
  if (s.length < 6 || !(MAYBE_SENSITIVE.test(s) || MAYBE_ASSIGNMENT.test(s))) return s;
  const entities = detect(s, { types: LOG_TYPES });
  if (entities.length === 0) return s;
  return splice(s, entities, entities.map((e) => `[${e.type}]`));
}

/**
 * Scrubs every string in a log value (strings, arrays, plain objects, up to `maxDepth` levels; default 6).
 * Returns a new value when something changed and the same reference otherwise (no copy on clean lines).
 */
export function scrubLogValue(value: unknown, maxDepth = 6): unknown {
  if (typeof value === 'string') return scrubLogString(value);
  if (maxDepth <= 0 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const s = scrubLogValue(v, maxDepth - 1);
      if (s !== v) changed = true;
      return s;
    });
    return changed ? out : value;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null && !(value instanceof Error)) return value;
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(value)) {
    const s = scrubLogValue(v, maxDepth - 1);
    if (s !== v) (out ??= { ...(value as Record<string, unknown>) })[k] = s;
  }
  if (value instanceof Error) {
    const message = scrubLogString(value.message);
    const stack = value.stack === undefined ? undefined : scrubLogString(value.stack);
    if (message !== value.message || stack !== value.stack || out) {
      return { ...(out ?? {}), type: value.name, message, ...(stack === undefined ? {} : { stack }) };
    }
    return value;
  }
  return out ?? value;
}

/**
 * pino options that scrub values: `formatters.log` scrubs the merged object, `hooks.logMethod`
 * scrubs the message and interpolation arguments. Spread into `pino({ ...pinoScrubOptions, redact: ... })`.
 */
export const pinoScrubOptions = {
  formatters: {
    log(object: Record<string, unknown>): Record<string, unknown> {
      return scrubLogValue(object) as Record<string, unknown>;
    },
  },
  hooks: {
    logMethod(this: unknown, args: unknown[], method: (...a: unknown[]) => void): void {
      method.apply(this, args.map((a) => scrubLogValue(a)));
    },
  },
};
