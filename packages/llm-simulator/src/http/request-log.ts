import type { RequestHandler, Response } from 'express';
import type { SimContext } from '../context';

/** What a handler tells the log about its request. */
export interface RequestNote {
  model: string | null;
  promptTokens: number;
  completionTokens: number;
  fault: string | null;
  /** What to log instead of the JSON body (an uploaded file's text). */
  body?: unknown;
}

export function note(res: Response, patch: Partial<RequestNote>): void {
  Object.assign(res.locals.sim as RequestNote, patch);
}

/**
 * Logs every /v1 request the moment its status line is written (before any byte reaches the
 * client, so a test that reads the log right after an answer always finds it); hung requests are
 * logged with status 0 when they start hanging.
 */
export function requestLog(ctx: SimContext): RequestHandler {
  return (req, res, next) => {
    const time = new Date().toISOString();
    const sim: RequestNote = { model: null, promptTokens: 0, completionTokens: 0, fault: null };
    res.locals.sim = sim;
    let logged = false;
    const write = (status: number) => {
      if (logged) return;
      logged = true;
      ctx.log.add({
        time,
        method: req.method,
        path: req.originalUrl.split('?')[0] ?? req.originalUrl,
        model: sim.model,
        promptTokens: sim.promptTokens,
        completionTokens: sim.completionTokens,
        status,
        fault: sim.fault,
        batchId: null,
        customId: null,
        body: sim.body !== undefined ? sim.body : (req.body ?? null),
        requestId: req.header('x-client-request-id') ?? null,
        clientGone: req.socket.destroyed,
      });
      ctx.logger?.info({ path: req.originalUrl, status, model: sim.model, fault: sim.fault }, 'sim request');
    };
    res.locals.simHang = () => write(0);
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: unknown[]) {
      write(typeof args[0] === 'number' ? args[0] : res.statusCode);
      return (writeHead as (...a: unknown[]) => Response).apply(this, args);
    } as typeof res.writeHead;
    next();
  };
}
