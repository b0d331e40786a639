import type { ErrorRequestHandler, Request, Response } from 'express';
import { z } from 'zod';
import { InputTooLongError } from '@llmops/llm';
import type { Logger } from '@llmops/logger';
import { scrubLogString, scrubLogValue } from '@llmops/pii';
import { HttpError, unavailable, validationError } from './errors';
import { isTransientRedisRefusal } from './redis-gate';

export interface ErrorHandlerOptions {
  logger: Logger;
  /** False while the API's Redis connection is down: errors then answer 503, not 500. */
  redisReady: () => boolean;
}

/**
 * Builds every error body: `{"error": {code, message, details?, requestId}}`. No stack, file path or
 * internal message ever leaves the process, in any environment: a 5xx says only `internal error`
 * and its request id, and is logged once with that id. Messages and details are scrubbed of
 * personal data and secrets before they are returned.
 */
export function errorHandler(options: ErrorHandlerOptions): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    try {
      respond(error, req, res);
    } catch (failure) {
      // Never let Express's own handler answer: in development it would print the stack.
      options.logger.error({ err: failure, requestId: requestIdOf(req) }, 'error handler failed');
      if (!res.headersSent)
        res
          .status(500)
          .type('application/json')
          .send(JSON.stringify({ error: { code: 'internal_error', message: 'internal error', requestId: requestIdOf(req) } }));
      else res.end();
    }
  };

  function respond(error: unknown, req: Request, res: Response): void {
    const http = toHttpError(error, options.redisReady);
    const requestId = requestIdOf(req);
    if (http.status >= 500) {
      const level = http.status === 503 ? 'warn' : 'error';
      options.logger[level]({ err: error, requestId, method: req.method, route: routeOf(req), status: http.status }, 'request failed');
    }
    if (res.headersSent) {
      // A stream (server-sent events) that already started: end it rather than writing a second head.
      res.end();
      return;
    }
    for (const [name, value] of Object.entries(http.headers ?? {})) res.setHeader(name, value);
    res.status(http.status).json({
      error: {
        code: http.code,
        message: scrubLogString(http.message),
        ...(http.details === undefined ? {} : { details: scrubLogValue(http.details, 8) }),
        requestId,
      },
    });
  }
}

/** What a thrown value answers with. Anything not recognised is a bare 500. */
export function toHttpError(error: unknown, redisReady: () => boolean): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof z.ZodError) return validationError(error);
  if (error instanceof InputTooLongError) {
    const path = fieldOf(error) ?? 'body';
    const message = `input is ${error.tokens} tokens; the model accepts at most ${error.maxTokens}`;
    return new HttpError(400, 'input_too_long', `${path}: ${message}`, { issues: [{ path, message, limit: error.maxTokens }] });
  }
  const parser = bodyParserError(error);
  if (parser) return parser;
  const clientStatus = clientErrorStatus(error);
  // Other http-errors style 4xx (e.g. the router failing to decode a %-escape in a path): their
  // messages quote the input, so only the status is kept.
  if (clientStatus !== undefined) return new HttpError(clientStatus, 'bad_request', 'the request could not be read (malformed URL or headers)');
  // Producer commands fail fast while Redis is away; whatever they broke is an outage, not a bug.
  if (!redisReady() || isTransientRedisRefusal(error)) return unavailable();
  return new HttpError(500, 'internal_error', 'internal error');
}

/** body-parser marks its errors with a `type` (its kind field); map the ones a client caused. */
function bodyParserError(error: unknown): HttpError | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  const { type, limit } = error as { type?: unknown; limit?: unknown };
  switch (type) {
    case 'entity.too.large':
      return new HttpError(413, 'body_too_large', `body: larger than the ${String(limit)} byte limit of this route (BODY_LIMIT)`, {
        issues: [{ path: 'body', message: 'too large', limit }],
      });
    case 'entity.parse.failed':
      return new HttpError(400, 'malformed_json', 'request body is not valid JSON');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, 'unsupported_encoding', 'request body encoding is not supported; send UTF-8');
    case 'request.aborted':
    case 'request.size.invalid':
      return new HttpError(400, 'bad_request', 'request body was cut short');
    case 'parameters.too.many':
      return new HttpError(413, 'body_too_large', 'body: too many parameters');
    default:
      return undefined;
  }
}

/**
 * The status of a client error raised by Express's own machinery: a URIError from decoding a path
 * parameter, or an http-errors 4xx (`expose: true`; serve-static refusing a path). Errors of our
 * dependencies that merely carry a `status` (a provider's) are not the client's fault.
 */
function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  return error instanceof URIError || expose === true ? status : undefined;
}

function fieldOf(error: object): string | undefined {
  const field = (error as { field?: unknown }).field;
  return typeof field === 'string' ? field : undefined;
}

function requestIdOf(req: Request): string {
  const id = (req as { id?: unknown }).id;
  return typeof id === 'string' ? id : String(id ?? '');
}

/** The matched route pattern (no ids or other client input), for the log line. */
function routeOf(req: Request): string {
  const path: unknown = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl}${path}` : 'unmatched';
}
