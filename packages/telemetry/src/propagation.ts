import { context, propagation, type Context } from '@opentelemetry/api';

/**
 * W3C trace context as it travels with a job (the JobEnvelope's `trace`): `traceparent` names the
 * trace and the span that enqueued the job, `tracestate` carries vendor data along.
 */
export interface TraceCarrier {
  traceparent: string;
  tracestate?: string;
}

/** version-traceid-parentid-flags, lowercase hex (W3C Trace Context, level 1). */
export const TRACEPARENT_PATTERN = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;
/** The W3C limit on tracestate (32 members); a longer one is dropped rather than carried. */
export const TRACESTATE_MAX_LENGTH = 512;

/**
 * The trace context of `ctx` (default: the active one) in W3C form, or undefined when there is none
 * to carry (tracing off, or no span active): then a job carries nothing and costs nothing.
 */
export function injectTrace(ctx: Context = context.active()): TraceCarrier | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  const { traceparent, tracestate } = carrier;
  if (!traceparent || !TRACEPARENT_PATTERN.test(traceparent)) return undefined;
  return tracestate && tracestate.length <= TRACESTATE_MAX_LENGTH ? { traceparent, tracestate } : { traceparent };
}

/**
 * The context a carrier names, on top of `base` (default: the active context): spans started in it
 * continue the carrier's trace. Without a carrier, or with tracing off, `base` itself.
 */
export function extractTrace(carrier: TraceCarrier | undefined, base: Context = context.active()): Context {
  if (!carrier) return base;
  return propagation.extract(base, carrier);
}

/**
 * The context an incoming HTTP request continues: its `traceparent` header, if valid. The request's
 * `tracestate` and baggage are not taken: they are client-chosen text the platform would then store
 * with jobs and export with spans.
 */
export function extractFromHeaders(headers: Record<string, string | string[] | undefined>, base: Context = context.active()): Context {
  const raw = headers.traceparent;
  const traceparent = Array.isArray(raw) ? raw[0] : raw;
  if (!traceparent || !TRACEPARENT_PATTERN.test(traceparent)) return base;
  return propagation.extract(base, { traceparent });
}
