import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';

export type SpanKindName = 'internal' | 'server' | 'client' | 'producer' | 'consumer';
export type AttributeScalar = string | number | boolean;

/** A finished span as a test looks at it, whichever process made it and however it arrived. */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  /** Absent on a trace's root span. */
  parentSpanId?: string;
  name: string;
  kind: SpanKindName;
  /** service.name of the process that made it. */
  service: string;
  /** Instrumentation scope (the package that made it). */
  scope: string;
  attributes: Record<string, AttributeScalar | AttributeScalar[]>;
  status: 'unset' | 'ok' | 'error';
  /** Names of the span's events, in order. */
  events: string[];
  startMs: number;
  endMs: number;
}

const kindNames: Record<SpanKind, SpanKindName> = {
  [SpanKind.INTERNAL]: 'internal',
  [SpanKind.SERVER]: 'server',
  [SpanKind.CLIENT]: 'client',
  [SpanKind.PRODUCER]: 'producer',
  [SpanKind.CONSUMER]: 'consumer',
};

const statusNames: Record<SpanStatusCode, ReceivedSpan['status']> = {
  [SpanStatusCode.UNSET]: 'unset',
  [SpanStatusCode.OK]: 'ok',
  [SpanStatusCode.ERROR]: 'error',
};

const isScalar = (value: unknown): value is AttributeScalar => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

const hrToMs = ([seconds, nanos]: [number, number]) => seconds * 1_000 + nanos / 1e6;

/** An SDK span (from an in-memory exporter) in the shape tests read. */
export function fromReadableSpan(span: ReadableSpan): ReceivedSpan {
  const attributes: ReceivedSpan['attributes'] = {};
  for (const [key, value] of Object.entries(span.attributes)) {
    if (Array.isArray(value)) attributes[key] = (value as unknown[]).filter(isScalar);
    else if (isScalar(value)) attributes[key] = value;
  }
  const parent = span.parentSpanContext?.spanId;
  return {
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    ...(parent ? { parentSpanId: parent } : {}),
    name: span.name,
    kind: kindNames[span.kind],
    service: String(span.resource.attributes['service.name'] ?? ''),
    scope: span.instrumentationScope.name,
    attributes,
    status: statusNames[span.status.code],
    events: span.events.map((event) => event.name),
    startMs: hrToMs(span.startTime),
    endMs: hrToMs(span.endTime),
  };
}

/** The spans of one trace, with the parent of each: for assertions such as "X is a child of Y". */
export function traceOf(spans: readonly ReceivedSpan[], traceId: string) {
  const members = spans.filter((span) => span.traceId === traceId);
  const byId = new Map(members.map((span) => [span.spanId, span]));
  return {
    spans: members,
    parentOf: (span: ReceivedSpan) => (span.parentSpanId ? byId.get(span.parentSpanId) : undefined),
    /** Every span above `span`, nearest first. */
    ancestorsOf(span: ReceivedSpan): ReceivedSpan[] {
      const out: ReceivedSpan[] = [];
      for (let at = span.parentSpanId ? byId.get(span.parentSpanId) : undefined; at; at = at.parentSpanId ? byId.get(at.parentSpanId) : undefined) out.push(at);
      return out;
    },
  };
}
