import { Router, type RequestHandler } from 'express';
import { consoleAssets, type ConsoleAsset, type ConsoleAssets } from './assets';

/** Where the API serves the console. */
export const consolePath = '/console';

/**
 * The console: one page, its script, its stylesheet and its icon, all from the API's origin (its CSP, set in
 * http/security-headers.ts, allows nothing else). The page holds no data: it logs in with a tenant's
 * API key, kept in sessionStorage, and reads the tenant's own jobs, usage, cache figures and
 * evaluation reports from the /v1 routes with it, like any other client.
 */
export function consoleRouter(assets: () => Promise<ConsoleAssets> = consoleAssets()): Router {
  const router = Router();
  const serve =
    (pick: (all: ConsoleAssets) => ConsoleAsset): RequestHandler =>
    async (req, res) => {
      const file = pick(await assets());
      res.setHeader('Content-Type', file.contentType);
      // Revalidated on every load (a 304 while unchanged), so a new API version is never mixed with an old script.
      res.setHeader('Cache-Control', 'no-cache');
      res.setHeader('ETag', file.etag);
      if (
        req
          .get('if-none-match')
          ?.split(/\s*,\s*/)
          .includes(file.etag)
      )
        return void res.status(304).end();
      res.send(file.body);
    };
  router.get(
    '/',
    serve((all) => all.html),
  );
  router.get(
    '/app.js',
    serve((all) => all.js),
  );
  router.get(
    '/app.css',
    serve((all) => all.css),
  );
  router.get(
    '/favicon.svg',
    serve((all) => all.icon),
  );
  return router;
}
