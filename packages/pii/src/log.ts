import { detect } from './detect';
import { normalizedView } from './normalize/view';
import { splice } from './redact';
import type { EntityType } from './types';

const SENSITIVE_KEYS = [
  'authorization',
  'Authorization',
  'password',
  'passwd',
  'secret',
  'clientSecret',
  'client_secret',
  'apiKey',
  'api_key',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'idToken',
  'cookie',
  'privateKey',
  'private_key',
  'vaultKey',
  'encryptionKey',
  '"set-cookie"',
  '"x-api-key"',
  '"proxy-authorization"',
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
export const pinoRedactPaths: readonly string[] = Object.freeze([
  ...new Set(['', '*', '*.*', '*.*.*', 'req.headers', 'res.headers', 'request.headers', 'headers'].flatMap((p) => SENSITIVE_KEYS.map((k) => pathFor(p, k)))),
]);

// Cheap test a string must pass before any detector runs: most log lines carry no '@' and no long
// digit run. It runs on the normalized view, so fullwidth digits or a zero-width split do not slip by.
const MAYBE_SENSITIVE =
  /@|\d{3}|sk-|[sr]k_|AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|AIza|xox|eyJ|PRIVATE KEY|:\/\/|whsec_|::|[A-Za-z]{2}\d{2}|0x[0-9a-fA-F]{8}|[13LMD][1-9A-HJ-NP-Za-km-z]{24}|bc1|[[({<]\s?at\s?[\])}>]/;
const MAYBE_ASSIGNMENT = /passw|pwd|secret|api.?key|token/i;
const NON_ASCII = /[\u0080-\uffff]/;

/** Types scanned in log lines and error messages: everything but the context-only types and URLs (operational noise in logs). */
export const LOG_TYPES: readonly EntityType[] = ['SECRET', 'CREDIT_CARD', 'IBAN', 'CRYPTO_WALLET', 'SSN', 'EMAIL', 'PHONE', 'IP_ADDRESS'];
/** Types {@link containsPii} looks for by default: every type but the context-only ones (names, birth dates). */
export const FIELD_TYPES: readonly EntityType[] = ['SECRET', 'CREDIT_CARD', 'IBAN', 'CRYPTO_WALLET', 'SSN', 'EMAIL', 'URL', 'PHONE', 'IP_ADDRESS'];

function maybeSensitive(s: string): boolean {
  const t = NON_ASCII.test(s) ? normalizedView(s).text : s;
  return MAYBE_SENSITIVE.test(t) || MAYBE_ASSIGNMENT.test(t);
}

/** Replaces secret- and PII-shaped substrings of one log string with "[TYPE]". Context-only types (names, birth dates) are not scanned. */
export function scrubLogString(s: string): string {
  if (s.length < 6 || !maybeSensitive(s)) return s;
  const entities = detect(s, { types: LOG_TYPES });
  if (entities.length === 0) return s;
  return splice(
    s,
    entities,
    entities.map((e) => `[${e.type}]`),
  );
}

/**
 * Scrubs an error message before it is logged or returned: PII and secrets become "[TYPE]"
 * (the same detection as {@link scrubLogString}). Messages over `maxLength` characters (default
 * 10,000) are cut first, so a huge echoed input cannot make error handling slow.
 */
export function scrubMessage(text: string, maxLength = 10_000): string {
  return scrubLogString(text.length > maxLength ? `${text.slice(0, maxLength)}…` : text);
}

/** Options for {@link containsPii}. */
export interface ContainsPiiOptions {
  /** Types that count. Default: FIELD_TYPES (all but PERSON and DATE_OF_BIRTH). */
  types?: readonly EntityType[];
}

/**
 * True when `text` holds anything a detector finds (same normalized detection as `detect`): for
 * checking ids, names and labels that must not carry personal data (the API refuses them with a
 * 400). Short clean strings return after the cheap pre-test.
 */
export function containsPii(text: string, options: ContainsPiiOptions = {}): boolean {
  if (text.length < 5 || (!maybeSensitive(text) && !text.includes('www.'))) return false;
  return detect(text, { types: options.types ?? FIELD_TYPES }).length > 0;
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
      method.apply(
        this,
        args.map((a) => scrubLogValue(a)),
      );
    },
  },
};
