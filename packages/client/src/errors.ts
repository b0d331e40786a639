/** What went wrong, for callers that branch on it (never compare `error.name`). */
export type ApiErrorKind =
  /** 400, 415, 422: the request is wrong; repeating it will not help. */
  | 'invalid'
  /** 401/403: missing or unknown API key. */
  | 'unauthorized'
  /** 404: no such job, collection or route for this tenant. */
  | 'not_found'
  /** 409: the job already finished, the collection has another model, ... */
  | 'conflict'
  /** 402: a budget cannot hold the request's worst case (details: the numbers). */
  | 'budget'
  /** 413: body over the limit, or work over a cap (details: the cap and the amount). */
  | 'too_large'
  /** 429: over the request rate, jobs at once or waiting bytes, after every retry. */
  | 'rate_limited'
  /** 502/503/504: the platform (or its Redis) is unavailable, after every retry. */
  | 'unavailable'
  /** Any other 5xx. */
  | 'server'
  /** No HTTP answer at all (connection refused, reset, DNS). */
  | 'network'
  /** A stream or body the client could not read as the contract says. */
  | 'protocol';

/** An error the API answered with (`{error: {code, message, details?, requestId}}`), or no answer at all. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  /** 0 when there was no HTTP answer. */
  readonly status: number;
  /** The API's error code (`budget_exceeded`, `rate_limited`, ...), or `network` / `protocol`. */
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | undefined;
  /** From Retry-After, when the API sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: unknown;
    requestId?: string;
    retryAfterMs?: number;
    kind?: ApiErrorKind;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId;
    this.retryAfterMs = init.retryAfterMs;
    this.kind = init.kind ?? kindOf(init.status);
  }
}

export function kindOf(status: number): ApiErrorKind {
  if (status === 0) return 'network';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 402) return 'budget';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'too_large';
  if (status === 429) return 'rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  if (status >= 500) return 'server';
  return 'invalid';
}

/** Builds the ApiError of a non-2xx response from its body (any body: proxies answer HTML too). */
export function errorFromBody(status: number, body: unknown, retryAfterMs: number | undefined): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown; requestId?: unknown } } | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : `http_${status}`;
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${status}`;
  return new ApiError({
    status,
    code,
    message,
    details: error?.details,
    ...(typeof error?.requestId === 'string' ? { requestId: error.requestId } : {}),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}
