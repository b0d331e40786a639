import express, { type Express, type RequestHandler } from 'express';
import type { IncomingMessage } from 'node:http';
import type { ApiDeps } from './deps';
import { requireAdmin, requireMetricsToken, requireTenant } from './auth/guards';
import { bodyGuards, JSON_TYPES } from './http/body';
import { errorHandler } from './http/error-handler';
import { methodNotAllowed, unmatchedRoute } from './http/errors';
import { redisReady, requireRedis } from './http/redis-gate';
import { securityHeaders } from './http/security-headers';
import { consolePath, consoleRouter } from './console/router';
import { boardWriteGuard } from './observability/board-guard';
import { bullBoardPath, bullBoardRouter } from './observability/bull-board';
import { createMetrics } from './observability/metrics';
import { requestLogger } from './observability/request-log';
import { traceRequests } from './observability/tracing';
import { openApiDocument } from './routes/openapi';
import { routeTable, type RouteSpec } from './routes/table';
import { rateGuard } from './limits/rate-guard';

export interface AppOptions {
  /** Trust X-Forwarded-* from a proxy in front (TRUST_PROXY). Default false. */
  trustProxy?: boolean;
}

/**
 * The Express app: security headers, request logging, metrics, the route table behind its guards
 * (auth, Redis availability, body type, size, encoding and shape), Bull Board (read-only unless
 * BULL_BOARD_WRITES), and one error handler that builds every error body.
 */
export function createApp(deps: ApiDeps, options: AppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', options.trustProxy ?? false);
  const metrics = createMetrics(deps);
  const ready = redisReady(deps.redis);

  // First, so every later middleware and handler runs inside the request's span.
  app.use(traceRequests({ skip: isQuiet }));
  app.use(securityHeaders({ uiPrefixes: [bullBoardPath], consolePrefixes: [consolePath], noStorePrefixes: ['/v1', bullBoardPath] }));
  app.use(requestLogger({ logger: deps.logger, quiet: isQuiet }));
  app.use(metrics.observe);

  const guards = { tenant: requireTenant(deps.keyRing), admin: requireAdmin(deps.adminToken) };
  // Auth runs before the body is read: an unauthenticated client cannot make the API parse 10 MB.
  app.use('/v1', guards.tenant, requireRedis(ready));
  // Per-tenant request rate, shared by every replica (TENANT_LIMITS).
  if (deps.services) app.use('/v1', rateGuard(deps.services.limits));

  const routes = routeTable(deps);
  for (const route of routes) {
    const guard = route.guard === 'admin' ? [guards.admin] : [];
    const body = route.method === 'post' ? bodyGuards({ limitBytes: route.bodyLimit ?? deps.bodyLimitBytes, accepts: acceptsOf(route) }) : [];
    app[route.method](route.path, ...guard, ...body, route.handler);
  }
  for (const [path, methods] of methodsByPath(routes)) app.all(path, methodNotAllowed(methods));

  const document = openApiDocument(routes);
  app.get('/openapi.json', (_req, res) => void res.json(document));
  app.get('/metrics', requireMetricsToken(deps.metricsToken), metrics.expose);
  app.use(
    bullBoardPath,
    guards.admin,
    boardWriteGuard({ writes: deps.bullBoardWrites }),
    boardNeedsRedis(requireRedis(ready)),
    bullBoardRouter(deps.queues, { writes: deps.bullBoardWrites, logger: deps.logger }),
  );
  // The tenants' console (static files; its data comes from /v1 with the tenant's key).
  app.use(consolePath, consoleRouter());
  app.use(unmatchedRoute);
  app.use(errorHandler({ logger: deps.logger, redisReady: ready }));
  return app;
}

function acceptsOf(route: RouteSpec): readonly string[] {
  return route.accepts ?? JSON_TYPES;
}

function methodsByPath(routes: readonly RouteSpec[]): Map<string, string[]> {
  const byPath = new Map<string, string[]>();
  for (const route of routes) byPath.set(route.path, [...(byPath.get(route.path) ?? []), route.method]);
  for (const methods of byPath.values()) if (methods.includes('get')) methods.push('head');
  return byPath;
}

/** Bull Board's API answers 503 while Redis is down; its page and assets still load. */
function boardNeedsRedis(gate: RequestHandler): RequestHandler {
  return (req, res, next) => (req.path.toLowerCase().startsWith('/api/') ? gate(req, res, next) : next());
}

/** Health checks, metrics scrapes and Bull Board's reads (it polls every few seconds) log at debug. */
function isQuiet(req: IncomingMessage): boolean {
  // originalUrl: by the time the line is written, a mounted app (the board) may have cut req.url.
  const url = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '';
  const path = url.split('?')[0]!.toLowerCase();
  if (path === '/healthz' || path === '/readyz' || path === '/metrics') return true;
  return (path === bullBoardPath || path.startsWith(`${bullBoardPath}/`)) && (req.method === 'GET' || req.method === 'HEAD');
}
