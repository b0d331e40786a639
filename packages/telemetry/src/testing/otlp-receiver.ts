import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import type { AttributeScalar, ReceivedSpan, SpanKindName } from './spans';

// OTLP/HTTP JSON (opentelemetry-proto's JSON mapping): the fields a test reads; the rest passes.
const AnyValue: z.ZodType<OtlpAnyValue> = z.lazy(() =>
  z.looseObject({
    stringValue: z.string().optional(),
    boolValue: z.boolean().optional(),
    intValue: z.union([z.string(), z.number()]).optional(),
    doubleValue: z.number().optional(),
    arrayValue: z.looseObject({ values: z.array(AnyValue).optional() }).optional(),
  }),
);
interface OtlpAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string | number;
  doubleValue?: number;
  arrayValue?: { values?: OtlpAnyValue[] };
}
const KeyValue = z.looseObject({ key: z.string(), value: AnyValue.optional() });
const nanos = z.union([z.string(), z.number()]);
const OtlpSpan = z.looseObject({
  traceId: z.string(),
  spanId: z.string(),
  parentSpanId: z.string().optional(),
  name: z.string(),
  kind: z.number().int().optional(),
  startTimeUnixNano: nanos,
  endTimeUnixNano: nanos,
  attributes: z.array(KeyValue).optional(),
  status: z.looseObject({ code: z.number().int().optional() }).optional(),
  events: z.array(z.looseObject({ name: z.string() })).optional(),
});
export const ExportTraceServiceRequest = z.looseObject({
  resourceSpans: z
    .array(
      z.looseObject({
        resource: z.looseObject({ attributes: z.array(KeyValue).optional() }).optional(),
        scopeSpans: z
          .array(z.looseObject({ scope: z.looseObject({ name: z.string().optional() }).optional(), spans: z.array(OtlpSpan).optional() }))
          .optional(),
      }),
    )
    .optional(),
});

// OTLP numbers its span kinds from 1 (0 is unspecified); the API from 0.
const kinds: Record<number, SpanKindName> = { 1: 'internal', 2: 'server', 3: 'client', 4: 'producer', 5: 'consumer' };
const statuses: Record<number, ReceivedSpan['status']> = { 0: 'unset', 1: 'ok', 2: 'error' };

function scalarOf(value: OtlpAnyValue | undefined): AttributeScalar | AttributeScalar[] | undefined {
  if (!value) return undefined;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(scalarOf).filter((v): v is AttributeScalar => v !== undefined && !Array.isArray(v));
  return undefined;
}

function attributesOf(list: z.infer<typeof KeyValue>[] | undefined): ReceivedSpan['attributes'] {
  const out: ReceivedSpan['attributes'] = {};
  for (const { key, value } of list ?? []) {
    const scalar = scalarOf(value);
    if (scalar !== undefined) out[key] = scalar;
  }
  return out;
}

/** The spans of one export request, flattened. */
export function spansOfExport(body: z.infer<typeof ExportTraceServiceRequest>): ReceivedSpan[] {
  const out: ReceivedSpan[] = [];
  for (const resourceSpans of body.resourceSpans ?? []) {
    const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name'] ?? '');
    for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
      for (const span of scopeSpans.spans ?? []) {
        out.push({
          traceId: span.traceId,
          spanId: span.spanId,
          ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
          name: span.name,
          kind: kinds[span.kind ?? 1] ?? 'internal',
          service,
          scope: scopeSpans.scope?.name ?? '',
          attributes: attributesOf(span.attributes),
          status: statuses[span.status?.code ?? 0] ?? 'unset',
          events: (span.events ?? []).map((event) => event.name),
          startMs: Number(BigInt(span.startTimeUnixNano) / 1_000n) / 1_000,
          endMs: Number(BigInt(span.endTimeUnixNano) / 1_000n) / 1_000,
        });
      }
    }
  }
  return out;
}

export interface OtlpReceiver {
  /** Base URL for OTEL_EXPORTER_OTLP_ENDPOINT (spans are posted to <url>/v1/traces). */
  url: string;
  /** Every span received so far, in arrival order. */
  spans(): ReceivedSpan[];
  /** Export requests refused (not JSON, or not the OTLP shape): a test expects none. */
  rejected(): number;
  close(): Promise<void>;
}

/**
 * A stand-in OpenTelemetry collector for tests: accepts OTLP/HTTP JSON exports (what
 * @opentelemetry/exporter-trace-otlp-http sends) on 127.0.0.1 and keeps the spans in memory, so spans
 * made in other processes (forked workers) can be asserted on.
 */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const received: ReceivedSpan[] = [];
  let rejected = 0;
  const server = createServer((req, res) => {
    void readBody(req).then(
      (body) => {
        const parsed = req.method === 'POST' && req.url === '/v1/traces' && isJson(req) ? parseExport(body) : undefined;
        if (!parsed) {
          rejected += 1;
          res.writeHead(req.url === '/v1/traces' ? 400 : 404).end();
          return;
        }
        received.push(...spansOfExport(parsed));
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
      },
      () => res.writeHead(400).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans: () => [...received],
    rejected: () => rejected,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function isJson(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').startsWith('application/json');
}

function parseExport(body: Buffer) {
  try {
    const parsed = ExportTraceServiceRequest.safeParse(JSON.parse(body.toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  return req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body;
}
