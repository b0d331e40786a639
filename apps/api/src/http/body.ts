import { isUtf8 } from 'node:buffer';
import express, { type RequestHandler } from 'express';
import { HttpError } from './errors';
import { findJsonProblem, MAX_JSON_DEPTH } from './json-guard';

/** The JSON media types every POST accepts unless its route says otherwise. */
export const JSON_TYPES: readonly string[] = ['application/json', 'application/*+json'];

export interface BodyRules {
  /** Largest body in bytes; past it a 413 names the limit. */
  limitBytes: number;
  /** Content types the route accepts; JSON ones are parsed here, others are left to the handler. */
  accepts: readonly string[];
  /** Deepest nesting of a JSON body. Default MAX_JSON_DEPTH (32). */
  maxDepth?: number;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The body guards of one route, run after auth and before the handler: the content type must be
 * one the route accepts (415), the body fits the limit (413), is valid UTF-8 and JSON (400), and
 * nests at most `maxDepth` levels without `__proto__` keys (400 naming where). A handler never
 * sees a body that failed any of these.
 */
export function bodyGuards(rules: BodyRules): RequestHandler[] {
  const jsonTypes = rules.accepts.filter((type) => JSON_TYPES.includes(type));
  const parse = express.json({
    limit: rules.limitBytes,
    type: jsonTypes.length > 0 ? [...jsonTypes] : () => false,
    // Invalid UTF-8 would otherwise be decoded into U+FFFD and accepted as something else.
    verify: (_req, _res, buffer) => {
      if (!isUtf8(buffer)) throw new HttpError(400, 'invalid_encoding', 'body: not valid UTF-8');
    },
  });
  const contentType: RequestHandler = (req, _res, next) => {
    if (!WRITE_METHODS.has(req.method)) return next();
    // A POST without a body (a cancel; `Content-Length: 0` or none) has no type to check.
    if (req.headers['content-length'] === '0') return next();
    const matches = req.is([...rules.accepts]);
    if (matches === null || matches) return next();
    next(new HttpError(415, 'unsupported_media_type', `send the body as ${rules.accepts.filter((type) => !type.includes('*')).join(' or ')}`));
  };
  const shape: RequestHandler = (req, _res, next) => {
    if (req.body === undefined) return next();
    const problem = findJsonProblem(req.body, rules.maxDepth ?? MAX_JSON_DEPTH);
    if (!problem) return next();
    const message = `${problem.path}: ${problem.message}`;
    next(
      new HttpError(400, 'invalid_request', message, {
        issues: [{ path: problem.path, message: problem.message, ...(problem.limit ? { limit: problem.limit } : {}) }],
      }),
    );
  };
  return [contentType, parse, shape];
}
