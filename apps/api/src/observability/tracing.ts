import type { IncomingMessage } from 'node:http';
import type { Request, RequestHandler } from 'express';
import { Attr, context, extractFromHeaders, SpanKind, SpanStatusCode, startSpan } from '@llmops/telemetry';

export interface RequestTracingOptions {
  /** Requests that get no span (health checks, metrics scrapes, Bull Board's polling). Default: none. */
  skip?: (req: IncomingMessage) => boolean;
}

/**
 * A SERVER span per request, continuing the caller's `traceparent` when it sends a valid one, and
 * active for every middleware and handler after this one (so the enqueue span of a submission is
 * its child and log lines carry its ids). Named `<METHOD> <route template>` once routing is known;
 * attributes are the method, the route template (never the URL: paths and queries carry ids and
 * names), the status and the request id. A no-op unless the process started tracing.
 */
export function traceRequests(options: RequestTracingOptions = {}): RequestHandler {
  return (req, res, next) => {
    if (options.skip?.(req)) return next();
    const parent = extractFromHeaders(req.headers, context.active());
    const { span, context: active } = startSpan(req.method, { [Attr.httpMethod]: req.method }, { kind: SpanKind.SERVER, parent, scope: '@llmops/api' });
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      const route = routeOf(req);
      if (route) {
        span.updateName(`${req.method} ${route}`);
        span.setAttribute(Attr.httpRoute, route);
      }
      span.setAttribute(Attr.httpStatus, res.statusCode);
      const requestId = (req as { id?: unknown }).id;
      if (typeof requestId === 'string') span.setAttribute('llmops.request.id', requestId);
      if (!res.writableFinished) span.setAttribute('llmops.http.aborted', true);
      // Server spans: a 4xx is the client's error, not the server's (semantic conventions).
      if (res.statusCode >= 500) {
        span.setAttribute('error.type', String(res.statusCode));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
    };
    res.once('finish', end);
    res.once('close', end);
    // Everything next() starts runs in the span's context, the body parser and the handler it calls
    // included, even for a body read from the socket after this point (Node 24's AsyncLocalStorage
    // keeps the context through the stream; test/tracing.test.ts sends such a body). No
    // context.bind() of req/res: it would wrap every listener for nothing.
    context.with(active, next);
  };
}

/** The matched route's template (`/v1/jobs/:id`), under its router's mount path; undefined when nothing matched. */
function routeOf(req: Request): string | undefined {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${req.baseUrl}${path}` : undefined;
}
