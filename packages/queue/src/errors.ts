/**
 * Errors that tell the worker what to do with a failed attempt. Anything else is retried with the
 * job's backoff while attempts remain.
 */

/** Bad input or a permanent refusal: fail the job now, no retry. */
export class NonRetriableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NonRetriableError';
  }
}

/**
 * The provider said "later" (a 429 with Retry-After): the job goes back to the delayed set for
 * `retryAfterMs` without burning an attempt.
 */
export class RetryAfterError extends Error {
  constructor(
    readonly retryAfterMs: number,
    message = `retry after ${retryAfterMs} ms`,
  ) {
    super(message);
    this.name = 'RetryAfterError';
  }
}

/** Any error carrying a numeric retryAfterMs (ours, or @llmops/llm's RateLimitedError) delays the job. */
export function retryAfterMsOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const value = (error as { retryAfterMs?: unknown }).retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

export function isNonRetriable(error: unknown): boolean {
  return error instanceof NonRetriableError || (error instanceof Error && error.name === 'FatalError');
}
