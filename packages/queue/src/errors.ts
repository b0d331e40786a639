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

/**
 * A step job waits for something outside the platform (a provider's Batch API, a fine-tuning run):
 * it has saved its step, and throws this to be moved to the delayed set until `delayMs` from now,
 * holding no worker slot meanwhile. Not a failure and not an attempt (the job's timeout and its
 * attempts are per run); each re-check is a start, so waits should grow (see `nextStepWaitMs`).
 */
export class StepWait extends Error {
  readonly kind = 'step-wait';
  constructor(
    readonly delayMs: number,
    /** What the job waits for, for the debug log line (never tenant data). */
    readonly step: string,
  ) {
    super(`${step}: next check in ${delayMs} ms`);
    this.name = 'StepWait';
  }
}

/**
 * The wait before a step job's next check: half the time it has waited so far, at least `minMs`, at
 * most `maxMs`. A result is thus seen at most half again as late as it came, and the number of checks
 * grows with the logarithm of the wait: a whole 24-hour Batch API window from `minMs` 5 s takes 25
 * checks. Each check is a job start, so JOB_MAX_STARTS (default 50) must stay above that.
 */
export function nextStepWaitMs(elapsedMs: number, options: { minMs: number; maxMs: number }): number {
  return Math.round(Math.min(options.maxMs, Math.max(options.minMs, elapsedMs / 2)));
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
