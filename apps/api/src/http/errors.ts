import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import type { Logger } from '@llmops/logger';

/** An error with the HTTP status and body code it should answer with. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what = 'job') => new HttpError(404, 'not_found', `${what} not found`);

/** 400 with one entry per wrong field, each naming its path in the body. */
export function validationError(error: z.ZodError, where = 'body'): HttpError {
  const issues = error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
    ...(issue.code === 'unrecognized_keys' ? { keys: issue.keys } : {}),
  }));
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return new HttpError(400, 'invalid_request', summary, { issues });
}

export const unmatchedRoute: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `no route for ${req.method} ${req.path}`));
};

/** Builds every error body; no stack traces leave the process in production. */
export function errorHandler(options: { logger: Logger; exposeInternals: boolean }): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const http = toHttpError(error);
    if (http.status >= 500) options.logger.error({ err: error, path: req.path }, 'request failed');
    if (res.headersSent) return;
    for (const [name, value] of Object.entries(http.headers ?? {})) res.setHeader(name, value);
    res.status(http.status).json({
      error: {
        code: http.code,
        message: http.message,
        ...(http.details ? { details: http.details } : {}),
        ...(options.exposeInternals && http.status >= 500 && error instanceof Error ? { stack: error.stack } : {}),
      },
    });
  };
}

function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof z.ZodError) return validationError(error);
  const bodyParser = error as { type?: string; status?: number; limit?: number };
  switch (bodyParser.type) {
    case 'entity.too.large':
      return new HttpError(413, 'body_too_large', `request body exceeds the ${bodyParser.limit} byte limit (BODY_LIMIT)`);
    case 'entity.parse.failed':
      return new HttpError(400, 'malformed_json', 'request body is not valid JSON');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, 'unsupported_encoding', 'request body encoding is not supported');
  }
  if (typeof bodyParser.status === 'number' && bodyParser.status >= 400 && bodyParser.status < 500) {
    return new HttpError(bodyParser.status, 'bad_request', (error as Error).message);
  }
  return new HttpError(503 === (error as { status?: number }).status ? 503 : 500, 'internal_error', 'internal error');
}
