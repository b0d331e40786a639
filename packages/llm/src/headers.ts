/** Reads header values from a fetch `Headers` or a plain record (as tests and older SDKs give). */
export type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined | null;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const value = record[name] ?? record[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Parses OpenAI's reset durations: `1s`, `6m0s`, `20ms`, `1h2m3.5s`. */
export function parseDuration(value: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
  let total = 0;
  let matched = false;
  for (const m of value.matchAll(re)) {
    matched = true;
    const n = Number(m[1]);
    total += m[2] === 'ms' ? n : m[2] === 's' ? n * 1_000 : m[2] === 'm' ? n * 60_000 : n * 3_600_000;
  }
  if (!matched) {
    const plain = Number(value);
    return Number.isFinite(plain) && value.trim() !== '' ? plain * 1_000 : undefined;
  }
  return total;
}

/**
 * How long the provider asked us to wait, in ms, or undefined. Order: `retry-after-ms`,
 * `retry-after` (seconds or an HTTP date), then `x-ratelimit-reset-{tokens,requests}` for whichever
 * budget is exhausted (both when neither says).
 */
export function retryAfterFromHeaders(headers: HeaderSource, now = Date.now()): number | undefined {
  const ms = header(headers, 'retry-after-ms');
  if (ms !== undefined && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const ra = header(headers, 'retry-after');
  if (ra !== undefined) {
    const seconds = Number(ra);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1_000);
    const date = Date.parse(ra);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  const resetTokens = parseMaybe(header(headers, 'x-ratelimit-reset-tokens'));
  const resetRequests = parseMaybe(header(headers, 'x-ratelimit-reset-requests'));
  const tokensOut = header(headers, 'x-ratelimit-remaining-tokens') === '0';
  const requestsOut = header(headers, 'x-ratelimit-remaining-requests') === '0';
  const candidates = [tokensOut ? resetTokens : undefined, requestsOut ? resetRequests : undefined].filter((v): v is number => v !== undefined);
  if (candidates.length > 0) return Math.max(...candidates);
  const any = [resetTokens, resetRequests].filter((v): v is number => v !== undefined);
  return any.length > 0 ? Math.max(...any) : undefined;
}

function parseMaybe(value: string | undefined): number | undefined {
  return value === undefined ? undefined : parseDuration(value);
}
