import type { RequestHandler } from 'express';
import type { ApiDeps } from '../deps';

/** GET /healthz: the process is up. Nothing else is checked, so a Redis outage does not restart pods. */
export const healthz: RequestHandler = (_req, res) => {
  res.json({ status: 'ok' });
};

/** GET /readyz: Redis answers and at least one worker reported recently. */
export function readyz(deps: ApiDeps): RequestHandler {
  return async (_req, res) => {
    const redis = await deps.redis.ping().then(
      () => 'ok' as const,
      () => 'unreachable' as const,
    );
    const workers = redis === 'ok' ? (await deps.heartbeats.seen(deps.readyWorkerWindowMs)).length : 0;
    const ready = redis === 'ok' && workers > 0;
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'not_ready',
      redis,
      workers,
      ...(ready ? {} : { reason: redis !== 'ok' ? 'Redis is unreachable' : `no worker reported in the last ${deps.readyWorkerWindowMs / 1000} s` }),
    });
  };
}
