import type { Request, Response } from 'express';
import type { SimContext } from '../context';
import { parseBody } from '../http/errors';
import { SimConfigPatch } from '../options';

/** GET /_sim/config: the running knobs. */
export function getConfig(ctx: SimContext) {
  return (_req: Request, res: Response) => {
    res.json(ctx.config);
  };
}

/** POST /_sim/config: merge a JSON patch of knobs into the running config; answers the result. */
export function patchConfig(ctx: SimContext, configure: (patch: SimConfigPatch) => void) {
  return (req: Request, res: Response) => {
    configure(parseBody(SimConfigPatch, req.body));
    res.json(ctx.config);
  };
}

/** GET /_sim/log?since=<id>: entries with id > since, oldest first. */
export function readLog(ctx: SimContext) {
  return (req: Request, res: Response) => {
    const since = Number(req.query.since ?? 0) || 0;
    res.json({ object: 'list', latest_id: ctx.log.latestId, data: ctx.log.list(since) });
  };
}

export function clearLog(ctx: SimContext) {
  return (_req: Request, res: Response) => {
    ctx.log.clear();
    res.status(204).end();
  };
}

/** POST /_sim/reset-limits: empties the RPM/TPM window (between test cases). */
export function resetLimits(ctx: SimContext) {
  return (_req: Request, res: Response) => {
    ctx.limiter.reset();
    res.status(204).end();
  };
}
