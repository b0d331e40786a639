import type { RequestHandler } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { HttpError } from '../http/errors';
import { sha256, type KeyRing } from './key-ring';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express's own augmentation point
  namespace Express {
    interface Request {
      /** Set by requireTenant: the tenant whose API key authenticated this request. */
      tenant?: string;
    }
  }
}

const bearer = /^Bearer\s+(\S+)\s*$/i;

/** Every /v1 route: a Bearer key from the key ring, else 401. */
export function requireTenant(keys: KeyRing): RequestHandler {
  return (req, _res, next) => {
    const match = bearer.exec(req.headers.authorization ?? '');
    if (!match) return next(unauthorized('missing Authorization: Bearer <api key>', 'Bearer'));
    const tenant = keys.tenantFor(match[1]!);
    if (!tenant) return next(unauthorized('unknown API key', 'Bearer'));
    req.tenant = tenant;
    next();
  };
}

/** Admin routes and Bull Board: HTTP basic `admin:<ADMIN_TOKEN>` (browsers) or `Bearer <ADMIN_TOKEN>`. */
export function requireAdmin(adminToken: string | undefined): RequestHandler {
  const expected = adminToken ? sha256(adminToken) : undefined;
  return (req, _res, next) => {
    if (!expected) return next(unauthorized('admin routes are disabled: set ADMIN_TOKEN', 'Basic realm="llmops admin"'));
    const header = req.headers.authorization ?? '';
    const presented = bearer.exec(header)?.[1] ?? basicPassword(header, 'admin');
    if (presented !== undefined && timingSafeEqual(sha256(presented), expected)) return next();
    next(unauthorized('admin credentials required', 'Basic realm="llmops admin", charset="UTF-8"'));
  };
}

/**
 * /metrics: `Bearer <METRICS_TOKEN>` when the token is set, else 401. Without a token the route is
 * open (it shows tenant names and per-tenant spend: production should set one).
 */
export function requireMetricsToken(token: string | undefined): RequestHandler {
  const expected = token ? sha256(token) : undefined;
  return (req, _res, next) => {
    if (!expected) return next();
    const presented = bearer.exec(req.headers.authorization ?? '')?.[1];
    if (presented !== undefined && timingSafeEqual(sha256(presented), expected)) return next();
    next(unauthorized('metrics token required (Authorization: Bearer <METRICS_TOKEN>)', 'Bearer realm="llmops metrics"'));
  };
}

function basicPassword(header: string, user: string): string | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 && decoded.slice(0, colon) === user ? decoded.slice(colon + 1) : undefined;
}

function unauthorized(message: string, challenge: string): HttpError {
  return new HttpError(401, 'unauthorized', message, undefined, { 'WWW-Authenticate': challenge });
}
