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

const field = (error: unknown, name: string): unknown => (typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined);

/**
 * Ours, or any error whose package marks it `kind: 'fatal'` (@llmops/llm's FatalError and its
 * subclasses: permanent provider refusals, inputs too long, budgets exhausted).
 */
export function isNonRetriable(error: unknown): boolean {
  return error instanceof NonRetriableError || field(error, 'kind') === 'fatal';
}

/**
 * The machine-readable reason a failure is reported with (`budget_exhausted`), when the error carries
 * one in a `reason` field; the job's error then reads `<reason>: <message>`.
 */
export function failureReasonOf(error: unknown): string | undefined {
  const reason = field(error, 'reason');
  return typeof reason === 'string' && /^[a-z][a-z_]{0,63}$/.test(reason) ? reason : undefined;
}
