/** How a failing call is retried. */
export interface RetryOptions {
  /** Attempts in total, including the first. Default: 5. */
  attempts?: number;
  /** Delay before the second attempt, doubled each time, with full jitter. Default: 100 ms. */
  baseDelayMs?: number;
  /** Upper bound of one delay. Default: 5,000 ms. */
  maxDelayMs?: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Runs `fn`, retrying while `isTransient(error)` and attempts remain (exponential backoff + jitter). */
export async function withRetry<T>(fn: () => Promise<T>, isTransient: (error: unknown) => boolean, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 5;
  const base = options.baseDelayMs ?? 100;
  const max = options.maxDelayMs ?? 5_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error;
      await sleep(Math.random() * Math.min(max, base * 2 ** (attempt - 1)));
    }
  }
}
