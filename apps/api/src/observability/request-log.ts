import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '@llmops/logger';
import { scrubLogString } from '@llmops/pii';
import { scrubUrl } from './scrub-url';

/** A client's X-Request-Id is kept only when it looks like an id: short, no spaces or markup. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

export interface RequestLogOptions {
  logger: Logger;
  /** Requests logged at debug, not info: health checks, /metrics, Bull Board's polling and assets. */
  quiet: (req: IncomingMessage) => boolean;
}

/**
 * pino-http with a request line that holds nothing sensitive: the URL with its path and query
 * scrubbed (personal data and secret-named parameters), an allowlist of headers (Authorization,
 * Cookie and the like never appear; Idempotency-Key only as a fingerprint), and a request id
 * taken from the client only when it is safe, generated otherwise.
 */
export function requestLogger(options: RequestLogOptions): RequestHandler {
  return pinoHttp({
    logger: options.logger,
    genReqId: (req, res) => {
      const id = acceptRequestId(req.headers['x-request-id']) ?? randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (req: SerializedRequest) => ({
        id: req.id,
        method: req.method,
        url: scrubUrl(req.url),
        headers: pickHeaders(req.headers),
        ...idempotencyFingerprint(req.headers['idempotency-key']),
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    customProps: (req) => ({ tenant: (req as { tenant?: string }).tenant }),
    // The error handler logs every 5xx once, with its cause; this line is the access record.
    customLogLevel: (req: IncomingMessage, _res: ServerResponse) => (options.quiet(req) ? 'debug' : 'info'),
    customErrorMessage: () => 'request completed',
    // pino-http would attach a made-up Error ("failed with status code 500") with its stack.
    customErrorObject: (_req, _res, _error, value: Record<string, unknown>) => ({ res: value.res, responseTime: value.responseTime }),
  }) as RequestHandler;
}

interface SerializedRequest {
  id: unknown;
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
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
