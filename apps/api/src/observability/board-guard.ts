import type { Request, RequestHandler } from 'express';
import { HttpError } from '../http/errors';

/** Methods that only read; everything else sent to the board is a write. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Board routes refused even when writes are on: adding a job and replacing a job's data skip the
 * API's validation, pseudonymization and tenant ownership (raw text would reach the provider, a
 * job could be moved to another tenant). Matched case-insensitively, as Express routes them.
 */
export const NEVER_ALLOWED_BOARD_ROUTES: readonly { method: string; pattern: RegExp; what: string }[] = [
  { method: 'POST', pattern: /^\/api\/queues\/[^/]+\/add\/?$/i, what: 'adding jobs' },
  { method: 'PATCH', pattern: /^\/api\/queues\/[^/]+\/[^/]+\/update-data\/?$/i, what: 'editing job data' },
];

export interface BoardGuardOptions {
  /** BULL_BOARD_WRITES: allow retry, clean, pause, ... Default false: every write is refused. */
  writes: boolean;
}

/**
 * In front of Bull Board (after admin auth): the board is read-only unless an operator opted in,
 * and even then a write must come from the API's own origin (Origin, else Referer) and carry JSON
 * if it carries a body -- so a cross-site page cannot drive an admin's browser. This is enforced
 * here on the server, whatever the UI shows.
 */
export function boardWriteGuard(options: BoardGuardOptions): RequestHandler {
  return (req, _res, next) => {
    if (READ_METHODS.has(req.method)) return next();
    const never = NEVER_ALLOWED_BOARD_ROUTES.find((route) => route.method === req.method && route.pattern.test(req.path));
    if (never) {
      return next(
        new HttpError(
          403,
          'board_write_refused',
          `${never.what} through Bull Board is never allowed: submit jobs through /v1, which validates and pseudonymizes them`,
        ),
      );
    }
    if (!options.writes)
      return next(new HttpError(403, 'board_read_only', 'Bull Board is read-only (set BULL_BOARD_WRITES=true to allow retry, clean, pause and the like)'));
    if (!sameOrigin(req)) return next(new HttpError(403, 'cross_origin', "board writes must come from the API's own origin (Origin or Referer header)"));
    if (hasBody(req) && !req.is('application/json'))
      return next(new HttpError(415, 'unsupported_media_type', 'board writes take application/json bodies only'));
    next();
  };
}

function sameOrigin(req: Request): boolean {
  const own = `${req.protocol}://${req.host}`.toLowerCase();
  const origin = req.get('origin');
  if (origin !== undefined) return origin.toLowerCase() === own;
  const referer = req.get('referer');
  if (referer === undefined) return false;
  try {
    return new URL(referer).origin.toLowerCase() === own;
  } catch {
    return false;
  }
}

function hasBody(req: Request): boolean {
  const length = req.get('content-length');
  return req.get('transfer-encoding') !== undefined || (length !== undefined && length !== '0');
}
