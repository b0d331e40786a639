import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from '@llmops/logger';
import { scrubLogString } from '@llmops/pii';
import { scrubUrl } from './scrub-url';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express's own augmentation point
  namespace Express {
    interface Request {
      /** Set by requestLogger, before any route runs: the request's id (also `X-Request-Id`). */
      id: string;
    }
  }
}

/** A client's X-Request-Id is kept only when it looks like an id: short, no spaces or markup. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

export interface RequestLogOptions {
  logger: Logger;
  /** Requests logged at debug, not info: health checks, /metrics, Bull Board's polling and assets. */
  quiet: (req: IncomingMessage) => boolean;
}

/**
 * The access log: one line per request once its response ends (or its connection closes), holding
 * nothing sensitive: the URL with its path and query scrubbed (personal data and secret-named
 * parameters), an allowlist of headers (Authorization, Cookie and the like never appear;
 * Idempotency-Key only as a fingerprint), the status, the time taken and the tenant. Every request
 * gets an id (`req.id`, `X-Request-Id`), taken from the client only when it is safe.
 *
 * The line is built only when its level is enabled. (pino-http, used before, built three child
 * loggers per request, each serialized and redacted at once whether or not anything was logged:
 * a quarter of the API's CPU per request.)
 */
export function requestLogger(options: RequestLogOptions): RequestHandler {
  const { logger } = options;
  return (req, res, next) => {
    const started = Date.now();
    const id = acceptRequestId(req.headers['x-request-id']) ?? randomUUID();
    req.id = id;
    res.setHeader('X-Request-Id', id);
    // As received: by the time the line is written, a mounted app (the board) may have cut req.url.
    const url = req.originalUrl;
    let logged = false;
    const done = () => {
      res.off('finish', done);
      res.off('close', done);
      if (logged) return;
      logged = true;
      const level = options.quiet(req) ? 'debug' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const tenant = (req as { tenant?: string }).tenant;
      logger[level](
        {
          req: { id, method: req.method, url: scrubUrl(url), headers: pickHeaders(req.headers), ...idempotencyFingerprint(req.headers['idempotency-key']) },
          res: { statusCode: res.statusCode },
          responseTime: Date.now() - started,
          ...(tenant === undefined ? {} : { tenant }),
        },
        'request completed',
      );
    };
    res.on('finish', done);
    res.on('close', done);
    next();
  };
}

/** The client's request id if it is a safe token that carries no personal data; otherwise undefined. */
export function acceptRequestId(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string' || !SAFE_REQUEST_ID.test(header)) return undefined;
  return scrubLogString(header) === header ? header : undefined;
}

const LOGGED_HEADERS = ['content-type', 'content-length', 'accept', 'user-agent'] as const;

/** Only these headers reach the log; the user agent is scrubbed like any client text. */
export function pickHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of LOGGED_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string') out[name] = scrubLogString(value.slice(0, 256));
  }
  return out;
}

/**
 * The Idempotency-Key as a fingerprint (`idempotencyKey: "sha256:<16 hex>"`): an operator can match
 * retries without the key, which may be client data, in clear. (The logger censors the header itself.)
 */
export function idempotencyFingerprint(key: string | string[] | undefined): { idempotencyKey?: string } {
  return typeof key === 'string' ? { idempotencyKey: `sha256:${createHash('sha256').update(key).digest('hex').slice(0, 16)}` } : {};
}
