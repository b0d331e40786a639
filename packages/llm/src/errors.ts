/** Base of every error this package throws on purpose; `kind` is what a queue maps to behaviour. */
export abstract class LlmError extends Error {
  abstract readonly kind: 'retriable' | 'rate-limited' | 'fatal';
  /** HTTP status of the provider response, when there was one. */
  readonly status: number | undefined;
  constructor(message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.status = options.status;
  }
}

/** 5xx, timeouts, connection resets: try again after a backoff. */
export class RetriableError extends LlmError {
  readonly kind = 'retriable' as const;
  /** A delay the provider asked for (Retry-After on a 503), if any. */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, options: { status?: number; cause?: unknown; retryAfterMs?: number } = {}) {
    super(message, options);
    this.retryAfterMs = options.retryAfterMs;
  }
}

/**
 * 429 from the provider, or our own limiter could not admit the call within the budget. A worker
 * should delay the job by `retryAfterMs` without counting an attempt.
 */
export class RateLimitedError extends LlmError {
  readonly kind = 'rate-limited' as const;
  readonly retryAfterMs: number;
  constructor(message: string, options: { status?: number; cause?: unknown; retryAfterMs: number }) {
    super(message, options);
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** 4xx other than 408/409/429, or input that can never succeed: do not retry. */
export class FatalError extends LlmError {
  readonly kind = 'fatal' as const;
  /**
   * True when every further call of the job would be refused the same way (bad credentials, unknown
   * model, no credit left, the tenant's budget spent): the job stops instead of failing item by item.
   * False for a refusal of this one request (its input).
   */
  readonly stopsJob: boolean;
  constructor(message: string, options: { status?: number; cause?: unknown; stopsJob?: boolean } = {}) {
    super(message, options);
    this.stopsJob = options.stopsJob ?? false;
  }
}

/** One input is longer than the model accepts; raised before any request is sent. */
export class InputTooLongError extends FatalError {
  constructor(
    readonly index: number,
    readonly tokens: number,
    readonly maxTokens: number,
    model: string,
  ) {
    super(`input ${index} has ${tokens} tokens; ${model} accepts at most ${maxTokens} per input`);
  }
}

export type ClassifiedError = RetriableError | RateLimitedError | FatalError;
