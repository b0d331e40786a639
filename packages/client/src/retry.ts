/** How the client retries refusals that time cures. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 5; 0 turns retrying off. */
  retries?: number;
  /** First backoff when the API sends no Retry-After, doubled per attempt with full jitter. Default 500 ms. */
  baseDelayMs?: number;
  /** Longest single wait, Retry-After included. Default 60,000 ms. */
  maxDelayMs?: number;
  /** Waits between attempts; tests pass one that records the delays. Default: a timer honouring `signal`. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const defaultRetry = { retries: 5, baseDelayMs: 500, maxDelayMs: 60_000 } as const;

/**
 * 429 (rate, jobs at once, waiting bytes), 503 (Redis or a provider away), 502/504 (a proxy) and a
 * 409 `idempotency_in_progress` (the same submission still being created) are cured by waiting.
 */
export function isRetriable(status: number, code: string | undefined): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504 || (status === 409 && code === 'idempotency_in_progress');
}

/** Retry-After as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The wait before retry number `attempt` (0-based): Retry-After when given, else jittered exponential backoff. */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  options: Required<Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>>,
  random = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, options.maxDelayMs);
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
