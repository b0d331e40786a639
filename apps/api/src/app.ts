import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import type { ApiDeps } from './deps';
import { requireAdmin, requireTenant } from './auth/guards';
import { errorHandler, unmatchedRoute } from './http/errors';
import { bullBoardPath, bullBoardRouter } from './observability/bull-board';
import { createMetrics } from './observability/metrics';
import { openApiDocument } from './routes/openapi';
import { routeTable } from './routes/table';

/** The Express app: request logging, metrics, the route table behind its guards, Bull Board, errors. */
export function createApp(deps: ApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  const metrics = createMetrics(deps);
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (req, res) => {
        const id = typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'].slice(0, 64) : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      customProps: (req) => ({ tenant: (req as express.Request).tenant }),
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
    }),
  );
  app.use(metrics.observe);

  const guards = { tenant: requireTenant(deps.keyRing), admin: requireAdmin(deps.adminToken), public: undefined };
  // Auth runs before the body is read: an unauthenticated client cannot make the API parse 10 MB.
  app.use('/v1', guards.tenant);
  app.use(express.json({ limit: deps.bodyLimitBytes, type: ['application/json', 'application/*+json'] }));

  const routes = routeTable(deps);
  for (const route of routes) {
    const guard = route.guard === 'admin' ? [guards.admin] : [];
    app[route.method](route.path, ...guard, route.handler);
  }
  const document = openApiDocument(routes);
  app.get('/openapi.json', (_req, res) => void res.json(document));
  app.get('/metrics', metrics.expose);
  app.use(bullBoardPath, guards.admin, bullBoardRouter(deps.queues));
  app.use(unmatchedRoute);
  app.use(errorHandler({ logger: deps.logger, exposeInternals: deps.exposeInternals }));
  return app;
}
