export { withSpan, startSpan, activeSpan, markFailed, definedAttributes, type SpanAttributes, type WithSpanOptions } from './span';
export { injectTrace, extractTrace, extractFromHeaders, TRACEPARENT_PATTERN, TRACESTATE_MAX_LENGTH, type TraceCarrier } from './propagation';
export { traceLogFields } from './log-fields';
export { errorTypeOf } from './errors';
export { Attr } from './attributes';
export { SpanKind, SpanStatusCode, context, type Span, type Context } from '@opentelemetry/api';
