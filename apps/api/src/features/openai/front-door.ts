import express, { type Request, type RequestHandler, type Response } from 'express';
import type { PlatformServices } from '@llmops/services';
import type { ApiDeps } from '../../deps';
import { bodyGuards, JSON_TYPES } from '../../http/body';
import { toHttpError } from '../../http/error-handler';
import { HttpError, unavailable } from '../../http/errors';
import { redisReady } from '../../http/redis-gate';
import { refusalError } from '../../limits/refusals';
import type { FieldDecision } from '../../privacy/field-inventory';
import { refusePersonalIdentifiers } from '../../privacy/identifiers';
import { openAiErrorBody, retryHintOf } from './errors';

export type Deps = ApiDeps & { services: PlatformServices };

/** What a front-door handler does once the caller is known and the body read. */
export type FrontDoorHandler = (req: Request, res: Response, tenant: string) => Promise<void>;

export interface FrontDoorRoute {
  /** How the body is read: JSON (after auth), a multipart upload kept as bytes, or none. Default none. */
  body?: 'json' | 'multipart';
  /** Largest body in bytes. Default BODY_LIMIT. */
  limitBytes?: number;
  /** The route's privacy inventory entry: its identifiers are refused when they look personal. */
  fields?: Readonly<Record<string, FieldDecision>>;
}

/**
 * The content types a front-door route declares to the route table: `json` is type-is shorthand for
 * application/json, so app.ts checks the type (415) but leaves the body unread -- it parses only the
 * JSON_TYPES entries. The front door then reads it itself, after the API key was checked: an
 * unauthenticated client cannot make the API parse 10 MB, as on /v1.
 */
export const JSON_READ_AFTER_AUTH: readonly string[] = ['json'];
export const MULTIPART: readonly string[] = ['multipart/form-data'];

const bearer = /^Bearer\s+(\S+)\s*$/i;

/**
 * Wraps a handler of `/openai/v1`: what app.ts does for `/v1` (API key, Redis gate, the tenant's
 * request rate, body guards, identifier checks), then the handler; every error is answered in
 * OpenAI's shape, so the openai SDK's error classes and retries work. Responses are never stored.
 */
export function frontDoor(deps: Deps, route: FrontDoorRoute, handler: FrontDoorHandler): RequestHandler {
  const ready = redisReady(deps.redis);
  const limitBytes = route.limitBytes ?? deps.bodyLimitBytes;
  const readBody =
    route.body === 'json'
      ? bodyGuards({ limitBytes, accepts: JSON_TYPES })
      : route.body === 'multipart'
        ? [express.raw({ type: 'multipart/form-data', limit: limitBytes })]
        : [];
  return async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    try {
      const tenant = authenticate(deps, req);
      if (!ready()) throw unavailable();
      const rate = await deps.services.limits.checkRate(tenant);
      if (!rate.allowed) {
        throw refusalError({ kind: 'rate', refusal: { limit: 'rate', cap: rate.limit, remaining: rate.remaining, retryAfterMs: rate.retryAfterMs } });
      }
      for (const guard of readBody) await run(guard, req, res);
      if (route.fields && req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body))
        await refusePersonalIdentifiers(req.body, route.fields, 'body');
      await handler(req, res, tenant);
    } catch (error) {
      sendError(deps, req, res, error, ready);
    }
  };
}

function authenticate(deps: Deps, req: Request): string {
  const match = bearer.exec(req.headers.authorization ?? '');
  const challenge = { 'WWW-Authenticate': 'Bearer' };
  if (!match) throw new HttpError(401, 'unauthorized', 'missing Authorization: Bearer <api key>', undefined, challenge);
  const tenant = deps.keyRing.tenantFor(match[1]!);
  if (!tenant) throw new HttpError(401, 'unauthorized', 'unknown API key', undefined, challenge);
  req.tenant = tenant;
  return tenant;
}

/** Runs one Express middleware to its `next`. */
function run(middleware: RequestHandler, req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    void Promise.resolve(middleware(req, res, (error?: unknown) => (error ? reject(error) : resolve()))).catch(reject);
  });
}

/** The platform's classification (toHttpError), OpenAI's body; 5xx logged once with the request id. */
function sendError(deps: Deps, req: Request, res: Response, error: unknown, ready: () => boolean): void {
  const http = toHttpError(error, ready);
  if (http.status >= 500) {
    const requestId = String((req as { id?: unknown }).id ?? '');
    deps.logger[http.status === 503 ? 'warn' : 'error'](
      { err: error, requestId, method: req.method, route: `${req.baseUrl}${String(req.route?.path ?? '')}`, status: http.status },
      'request failed',
    );
  }
  if (res.headersSent) {
    // A stream that already started: end it rather than writing a second head.
    res.end();
    return;
  }
  for (const [name, value] of Object.entries({ ...http.headers, ...retryHintOf(http) })) res.setHeader(name, value);
  res.status(http.status).json(openAiErrorBody(http));
}
