import { classifyError } from './classify';
import type { ClassifiedError } from './errors';

export interface RetryOptions {
  /** Attempts in total, the first included. Default: 6. */
  maxAttempts?: number;
  /** Give up once this much time has gone by (a delay that would cross it is not taken). Default: 120,000 ms. */
  maxElapsedMs?: number;
  /** Backoff base: attempt n waits a random time in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))]. Default: 250 ms. */
  baseDelayMs?: number;
  /** Backoff cap. Default: 20,000 ms. */
  maxDelayMs?: number;
}

export interface RetryDeps {
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** Uniform in [0, 1). Default: Math.random. */
  random?: () => number;
  /** Told about every failed attempt that will be retried. */
  onRetry?: (info: { attempt: number; delayMs: number; error: ClassifiedError }) => void;
  /** Once aborted, a failed attempt is not retried (its error is thrown as is) and a backoff wait ends. */
  signal?: AbortSignal;
}

export const defaultRetryOptions: Required<RetryOptions> = {
  maxAttempts: 6,
  maxElapsedMs: 120_000,
  baseDelayMs: 250,
  maxDelayMs: 20_000,
};

/** Full jitter (AWS architecture blog): spreads retries of many replicas evenly instead of in waves. */
export function backoffDelay(attempt: number, options: Required<RetryOptions>, random: () => number): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Runs `fn` until it succeeds, a fatal error occurs, or the budget is spent; then throws the
 * classified error. A provider-requested delay (Retry-After, x-ratelimit-reset-*) replaces the
 * backoff when it is longer. `fn` gets the 1-based attempt number.
 */
export async function callWithRetries<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}, deps: Partial<RetryDeps> = {}): Promise<T> {
  const opts = { ...defaultRetryOptions, ...options };
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const started = now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (raw) {
      // A stopped call (cancel, shutdown, timeout of its job) is not retried.
      if (deps.signal?.aborted) throw raw;
      const error = classifyError(raw, now());
      if (error.kind === 'fatal') throw error;
      const requested = error.retryAfterMs ?? 0;
      const delayMs = Math.max(requested, backoffDelay(attempt, opts, random));
      const elapsed = now() - started;
      if (attempt >= opts.maxAttempts || elapsed + delayMs > opts.maxElapsedMs) {
        // A RateLimitedError keeps its retryAfterMs, so a queue can delay the job by it.
        throw error;
      }
      deps.onRetry?.({ attempt, delayMs, error });
      await (deps.signal ? abortable(sleep(delayMs), deps.signal) : sleep(delayMs));
    }
  }
}

/** Resolves when `wait` does or as soon as `signal` aborts (the caller's next step sees the abort). */
function abortable(wait: Promise<void>, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    void wait.then(done);
  });
}
