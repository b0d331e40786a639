import { scrubLogString } from '@llmops/pii';
import { HttpError } from '../../http/errors';

/** OpenAI's error body: what the openai SDK reads into `APIError.{message, type, param, code}`. */
export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/**
 * OpenAI's error `type` for a status: the SDK picks its error class from the status alone
 * (BadRequestError, AuthenticationError, RateLimitError, ...), clients that branch on `type` get
 * OpenAI's words.
 */
function typeOf(status: number, code: string): string {
  if (status === 402) return 'insufficient_quota';
  if (status === 429) return code === 'rate_limited' ? 'requests' : 'rate_limit_error';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

/** OpenAI's codes where it has one for the same thing; the platform's code otherwise. */
function codeOf(status: number, code: string): string {
  if (status === 401) return 'invalid_api_key';
  if (code === 'rate_limited') return 'rate_limit_exceeded';
  if (code === 'unavailable') return 'service_unavailable';
  return code;
}

/**
 * The field a 400 is about, as OpenAI names it (`messages.0.content`, no `body.` prefix): from the
 * first issue a validation error carries.
 */
function paramOf(error: HttpError): string | null {
  const issues = (error.details as { issues?: { path?: unknown }[] } | undefined)?.issues;
  const path = issues?.[0]?.path;
  if (typeof path !== 'string') return null;
  return path.startsWith('body.') ? path.slice(5) : path === 'body' ? null : path;
}

/** The OpenAI-shaped body of an HttpError; the message is scrubbed of personal data like every error. */
export function openAiErrorBody(error: HttpError): OpenAiErrorBody {
  return {
    error: { message: scrubLogString(error.message), type: typeOf(error.status, error.code), param: paramOf(error), code: codeOf(error.status, error.code) },
  };
}

/**
 * Headers that tell the openai SDK whether to retry (`x-should-retry`): its default retries every 5xx,
 * which is wrong after a job that already used its own retries; a 429 or 503 is worth retrying.
 */
export function retryHintOf(error: HttpError): Record<string, string> {
  if (error.status === 429 || error.status === 503 || error.code === 'idempotency_in_progress') return { 'x-should-retry': 'true' };
  if (error.status >= 500 || error.status === 409) return { 'x-should-retry': 'false' };
  return {};
}

/** 400 about one field, named as OpenAI does (`param`), without echoing its value. */
export function invalidParam(param: string, message: string, code = 'invalid_request'): HttpError {
  const path = `body.${param}`;
  return new HttpError(400, code, `${param}: ${message}`, { issues: [{ path, message }] });
}

/** 404 for a file, batch or route the caller does not own (someone else's is the same 404). */
export function notFoundError(what: string, param = 'id'): HttpError {
  return new HttpError(404, 'not_found', `no such ${what} for this API key`, { issues: [{ path: param, message: 'not found' }] });
}
