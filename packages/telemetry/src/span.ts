import {
  context,
  INVALID_SPAN_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type AttributeValue,
  type Context,
  type Link,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { errorTypeOf } from './errors';

/** Span attributes as callers write them: an undefined value is left out. */
export type SpanAttributes = Record<string, AttributeValue | undefined>;

export interface WithSpanOptions {
  /** What the span stands for to a trace viewer (SERVER, CLIENT, PRODUCER, CONSUMER). Default INTERNAL. */
  kind?: SpanKind;
  /** The context the span is a child of. Default: the active context. */
  parent?: Context;
  /** Instrumentation scope: the package that makes the span, e.g. `@llmops/llm`. Default `@llmops/telemetry`. */
  scope?: string;
  /** Spans this one relates to without being their child. Default: none. */
  links?: Link[];
  /**
   * Errors that end the work without being a failure (a job handed back or delayed by throwing):
   * the span is not marked as failed for them. Default: every thrown error marks it failed.
   */
  notAnError?: (error: unknown) => boolean;
}

const DEFAULT_SCOPE = '@llmops/telemetry';

// Whether startTracing registered an SDK in this process: while it has not, spans take a fast path
// (no tracer lookup, no context switch) instead of OpenTelemetry's own no-op machinery.
let sdkRunning = false;
// Tracers by scope, dropped when the SDK starts or stops (a proxy tracer would keep the first SDK's).
const tracers = new Map<string, Tracer>();
const NOOP_SPAN: Span = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/** Called by startTracing / its shutdown (not exported from the package index). */
export function setSdkRunning(running: boolean): void {
  sdkRunning = running;
  tracers.clear();
}

function tracerFor(scope: string): Tracer {
  let tracer = tracers.get(scope);
  if (!tracer) tracers.set(scope, (tracer = trace.getTracer(scope)));
  return tracer;
}

/** Drops undefined values (the SDK would warn about each). */
export function definedAttributes(attributes: SpanAttributes): Attributes {
  const out: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) out[key] = value;
  return out;
}

/**
 * Runs `fn` inside a new span that is active for everything `fn` awaits, and ends it when `fn`
 * settles. A thrown error marks the span failed with `error.type` (its `reason`, `kind` or class;
 * never its message, which may carry input) and is rethrown. Without a registered SDK the span is a
 * no-op and this costs a few object allocations.
 */
export async function withSpan<T>(name: string, attributes: SpanAttributes, fn: (span: Span) => Promise<T> | T, options: WithSpanOptions = {}): Promise<T> {
  if (!sdkRunning) return fn(NOOP_SPAN);
  const parent = options.parent ?? context.active();
  const span = tracerFor(options.scope ?? DEFAULT_SCOPE).startSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: definedAttributes(attributes), ...(options.links ? { links: options.links } : {}) },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (error) {
    if (!options.notAnError?.(error)) markFailed(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/** Marks a span failed with the error's type (not its message). */
export function markFailed(span: Span, error: unknown): void {
  span.setAttribute('error.type', errorTypeOf(error));
  span.setStatus({ code: SpanStatusCode.ERROR });
}

/** The span of the active context (a no-op span when there is none): to add attributes or events to it. */
export function activeSpan(): Span {
  return trace.getActiveSpan() ?? NOOP_SPAN;
}

/**
 * Starts a span the caller ends itself, for work whose start and end are in different callbacks (an
 * HTTP response's 'finish'). Prefer {@link withSpan}.
 */
export function startSpan(name: string, attributes: SpanAttributes, options: Omit<WithSpanOptions, 'notAnError'> = {}): { span: Span; context: Context } {
  const parent = options.parent ?? context.active();
  if (!sdkRunning) return { span: NOOP_SPAN, context: parent };
  const span = tracerFor(options.scope ?? DEFAULT_SCOPE).startSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: definedAttributes(attributes), ...(options.links ? { links: options.links } : {}) },
    parent,
  );
  return { span, context: trace.setSpan(parent, span) };
}
