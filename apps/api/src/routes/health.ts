import type { RequestHandler } from 'express';
import type { ApiDeps } from '../deps';
import { RETRY_AFTER_SECONDS } from '../http/errors';

/** GET /healthz: the process is up. Nothing else is checked, so a Redis outage does not restart pods. */
export const healthz: RequestHandler = (_req, res) => {
  res.json({ status: 'ok' });
};

/**
 * GET /readyz: Redis answers and at least one worker reported recently. Not ready is a 503 with
 * Retry-After and the usual error object beside the checks.
 */
export function readyz(deps: ApiDeps): RequestHandler {
  return async (req, res) => {
    const redis = await deps.redis.ping().then(
      () => 'ok' as const,
      () => 'unreachable' as const,
    );
    const workers = redis === 'ok' ? (await deps.heartbeats.seen(deps.readyWorkerWindowMs)).length : 0;
    if (redis === 'ok' && workers > 0) return void res.json({ status: 'ready', redis, workers });
    const reason = redis !== 'ok' ? 'Redis is unreachable' : `no worker reported in the last ${deps.readyWorkerWindowMs / 1000} s`;
    res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    res.status(503).json({ status: 'not_ready', redis, workers, reason, error: { code: 'unavailable', message: reason, requestId: String(req.id) } });
  };
}
