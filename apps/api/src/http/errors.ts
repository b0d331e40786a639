import type { RequestHandler } from 'express';
import type { z } from 'zod';

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

/** Seconds a client should wait before retrying while Redis is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

/** 503 while a dependency (Redis) is unreachable; the client may retry after `Retry-After`. */
export const unavailable = () =>
  new HttpError(503, 'unavailable', 'the service is temporarily unavailable; retry later', undefined, { 'Retry-After': String(RETRY_AFTER_SECONDS) });

/**
 * 400 with one entry per wrong field, each naming its path and the rule it broke. Never the value:
 * unknown key names and zod's messages about them can hold personal data, so they are counted, not
 * echoed, and path segments that are not identifiers (record keys a client chose) are masked.
 */
export function validationError(error: z.ZodError, where = 'body'): HttpError {
  const issues = error.issues.map((issue) => ({
    path: [where, ...issue.path.map(pathSegment)].join('.'),
    message: issue.code === 'unrecognized_keys' ? unknownKeysMessage(issue.keys.length) : issue.message,
  }));
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return new HttpError(400, 'invalid_request', summary, { issues });
}

function unknownKeysMessage(count: number): string {
  return `${count} unrecognized ${count === 1 ? 'key' : 'keys'} (not allowed; /openapi.json lists the fields)`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

function pathSegment(segment: PropertyKey): string {
  if (typeof segment === 'number') return String(segment);
  return typeof segment === 'string' && IDENTIFIER.test(segment) ? segment : '*';
}

/** Paths that exist with other methods answer 405 with `Allow`; everything else falls through to 404. */
export function methodNotAllowed(allowed: readonly string[]): RequestHandler {
  const allow = allowed.map((method) => method.toUpperCase()).join(', ');
  return (req, _res, next) =>
    next(new HttpError(405, 'method_not_allowed', `${req.method} is not allowed on this route; use ${allow}`, undefined, { Allow: allow }));
}

export const unmatchedRoute: RequestHandler = (_req, _res, next) => {
  // The path is not echoed: it is client input (and may carry personal data).
  next(new HttpError(404, 'not_found', 'no such route'));
};
