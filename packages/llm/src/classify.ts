import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { FatalError, LlmError, RateLimitedError, RetriableError, type ClassifiedError } from './errors';
import { retryAfterFromHeaders } from './headers';

const RESET_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'EAI_AGAIN']);

/**
 * 429s that waiting does not cure: the account is out of credit or over a hard billing limit. Retrying
 * them would delay the job forever.
 */
const PERMANENT_429_CODES = new Set(['insufficient_quota', 'billing_hard_limit_reached', 'billing_not_active', 'account_deactivated']);

/**
 * Maps anything a provider call can throw to one of three classes. Unknown errors count as
 * retriable: a bug then costs a few retries, while the opposite would fail work a retry would fix.
 */
export function classifyError(error: unknown, now = Date.now()): ClassifiedError {
  if (error instanceof LlmError) return error as ClassifiedError;
  if (error instanceof APIUserAbortError) return new FatalError('request aborted by the caller', { cause: error });
  if (error instanceof APIConnectionTimeoutError) return new RetriableError('provider request timed out', { cause: error });
  if (error instanceof APIConnectionError) return new RetriableError(`connection failed: ${error.message}`, { cause: error });
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status;
    const retryAfterMs = retryAfterFromHeaders(error.headers, now);
    if (status === 429 && (PERMANENT_429_CODES.has(String(error.code)) || PERMANENT_429_CODES.has(String(error.type)))) {
      return new FatalError(`provider refused: ${String(error.code ?? error.type)} (429): ${error.message}`, { status, cause: error, stopsJob: true });
    }
    if (status === 429) {
      return new RateLimitedError(`provider rate limit (429): ${error.message}`, { status, cause: error, retryAfterMs: retryAfterMs ?? 1_000 });
    }
    if (status >= 500 || status === 408 || status === 409) {
      return new RetriableError(`provider error ${status}: ${error.message}`, {
        status,
        cause: error,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      });
    }
    // Credentials, permissions and unknown models fail every call alike; other 4xx are about this request.
    const stopsJob = status === 401 || status === 403 || status === 404;
    return new FatalError(`provider rejected the request (${status}): ${error.message}`, { status, cause: error, stopsJob });
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && RESET_CODES.has(code)) return new RetriableError(`connection failed: ${code}`, { cause: error });
  if (error instanceof Error && error.name === 'AbortError') return new RetriableError('request timed out', { cause: error });
  return new RetriableError(error instanceof Error ? error.message : String(error), { cause: error });
}
