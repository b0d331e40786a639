import { z } from 'zod';

/** Sampler names of the OpenTelemetry specification (OTEL_TRACES_SAMPLER). */
export const SamplerName = z.enum(['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio']);
export type SamplerName = z.infer<typeof SamplerName>;

/** "key1=value1,key2=value2" (W3C baggage form, values percent-encoded), as OTEL_*_HEADERS and OTEL_RESOURCE_ATTRIBUTES are written. */
const keyValueList = z.string().transform((text, context) => {
  const out: Record<string, string> = {};
  for (const part of text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)) {
    const at = part.indexOf('=');
    const key = at > 0 ? part.slice(0, at).trim() : '';
    if (!key) {
      // The entry itself is not quoted: it may be a secret (a header value).
      context.addIssue({ code: 'custom', message: 'expected key=value pairs separated by commas' });
      return z.NEVER;
    }
    try {
      out[key] = decodeURIComponent(part.slice(at + 1).trim());
    } catch {
      context.addIssue({ code: 'custom', message: `the value of "${key}" is not valid percent-encoding` });
      return z.NEVER;
    }
  }
  return out;
});

const httpUrl = z.url({ protocol: /^https?$/, message: 'expected an http:// or https:// URL' });
const millis = z.coerce.number().int().nonnegative();
/** Only "true" (any case) turns the SDK off, as the specification says; anything else is refused, not guessed. */
const sdkDisabled = z
  .string()
  .default('false')
  .transform((value) => value.trim().toLowerCase())
  .pipe(z.enum(['true', 'false'], { message: 'expected true or false' }))
  .transform((value) => value === 'true');

/**
 * The standard OpenTelemetry variables the platform reads. Each app's env.ts merges these into its own
 * schema, so they are parsed once at boot with the rest. Tracing is off (no SDK, a no-op tracer) unless
 * an OTLP endpoint is set or OTEL_TRACES_EXPORTER asks for an exporter.
 */
export const TracingEnvShape = {
  /** "true" turns tracing off whatever else is set. Default false. */
  OTEL_SDK_DISABLED: sdkDisabled,
  /** otlp (OTLP/HTTP JSON), console (spans on stdout, for debugging) or none. Default: otlp when an endpoint is set, else none. */
  OTEL_TRACES_EXPORTER: z.enum(['otlp', 'console', 'none']).optional(),
  /** Collector base URL, e.g. http://otel-collector:4318; spans go to <url>/v1/traces. Default: unset (tracing off). */
  OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl.optional(),
  /** Full URL for spans; wins over OTEL_EXPORTER_OTLP_ENDPOINT. Default: unset. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: httpUrl.optional(),
  /** Headers sent with every export ("authorization=Bearer%20x"); never logged. Default: none. */
  OTEL_EXPORTER_OTLP_HEADERS: keyValueList.optional(),
  /** Headers for span exports only; added over OTEL_EXPORTER_OTLP_HEADERS. Default: none. */
  OTEL_EXPORTER_OTLP_TRACES_HEADERS: keyValueList.optional(),
  /** One export request's timeout, ms. Default 10,000. */
  OTEL_EXPORTER_OTLP_TIMEOUT: z.coerce.number().int().positive().optional(),
  /** The same for span exports only; wins over OTEL_EXPORTER_OTLP_TIMEOUT. */
  OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: z.coerce.number().int().positive().optional(),
  /** service.name of every span. Default: the app's (llmops-api, llmops-worker). */
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  /** More resource attributes ("deployment.environment.name=prod,service.namespace=llmops"). Default: none. */
  OTEL_RESOURCE_ATTRIBUTES: keyValueList.optional(),
  /** Which traces are kept. Default parentbased_always_on (all, unless the caller's context says not sampled). */
  OTEL_TRACES_SAMPLER: SamplerName.default('parentbased_always_on'),
  /** The ratio of the *traceidratio samplers, 0..1. Default 1. */
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).optional(),
  /** Ms between two exports of the batch processor. Default 5,000. */
  OTEL_BSP_SCHEDULE_DELAY: millis.default(5_000),
  /** Ms an export may take before it is cancelled. Default 30,000. */
  OTEL_BSP_EXPORT_TIMEOUT: millis.default(30_000),
  /** Spans kept waiting for export; more are dropped (never blocking the app). Default 2,048. */
  OTEL_BSP_MAX_QUEUE_SIZE: z.coerce.number().int().positive().default(2_048),
  /** Spans per export request (at most the queue size). Default 512. */
  OTEL_BSP_MAX_EXPORT_BATCH_SIZE: z.coerce.number().int().positive().default(512),
};

export const TracingEnv = z.object(TracingEnvShape);
export type TracingEnv = z.infer<typeof TracingEnv>;

/** Where spans go. */
export type TracingExporterConfig = { kind: 'otlp'; url: string; headers: Record<string, string>; timeoutMs: number } | { kind: 'console' };

/** Everything startTracing needs, derived from the environment by {@link tracingConfigOf}. */
export interface TracingConfig {
  serviceName: string;
  /** service.instance.id: which replica made a span (the worker id). */
  serviceInstanceId?: string;
  resourceAttributes: Record<string, string>;
  exporter: TracingExporterConfig;
  sampler: { name: SamplerName; ratio: number };
  batch: { scheduledDelayMs: number; exportTimeoutMs: number; maxQueueSize: number; maxExportBatchSize: number };
}

/**
 * The tracing configuration the environment asks for, or undefined when tracing is off: OTEL_SDK_DISABLED,
 * OTEL_TRACES_EXPORTER=none, or no exporter chosen and no endpoint set.
 */
export function tracingConfigOf(env: TracingEnv, app: { serviceName: string; serviceInstanceId?: string }): TracingConfig | undefined {
  if (env.OTEL_SDK_DISABLED) return undefined;
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (env.OTEL_EXPORTER_OTLP_ENDPOINT && tracesUrlOf(env.OTEL_EXPORTER_OTLP_ENDPOINT));
  const kind = env.OTEL_TRACES_EXPORTER ?? (endpoint ? 'otlp' : 'none');
  if (kind === 'none') return undefined;
  const exporter: TracingExporterConfig =
    kind === 'console'
      ? { kind }
      : {
          kind,
          // The specification's default when otlp is asked for without an endpoint: a local collector.
          url: endpoint ?? 'http://localhost:4318/v1/traces',
          headers: { ...env.OTEL_EXPORTER_OTLP_HEADERS, ...env.OTEL_EXPORTER_OTLP_TRACES_HEADERS },
          timeoutMs: env.OTEL_EXPORTER_OTLP_TRACES_TIMEOUT ?? env.OTEL_EXPORTER_OTLP_TIMEOUT ?? 10_000,
        };
  const resourceAttributes = { ...env.OTEL_RESOURCE_ATTRIBUTES };
  return {
    serviceName: env.OTEL_SERVICE_NAME ?? resourceAttributes['service.name'] ?? app.serviceName,
    ...(app.serviceInstanceId ? { serviceInstanceId: app.serviceInstanceId } : {}),
    resourceAttributes,
    exporter,
    sampler: { name: env.OTEL_TRACES_SAMPLER, ratio: env.OTEL_TRACES_SAMPLER_ARG ?? 1 },
    batch: {
      scheduledDelayMs: env.OTEL_BSP_SCHEDULE_DELAY,
      exportTimeoutMs: env.OTEL_BSP_EXPORT_TIMEOUT,
      maxQueueSize: env.OTEL_BSP_MAX_QUEUE_SIZE,
      maxExportBatchSize: Math.min(env.OTEL_BSP_MAX_EXPORT_BATCH_SIZE, env.OTEL_BSP_MAX_QUEUE_SIZE),
    },
  };
}

/** <base>/v1/traces, as the specification builds the per-signal URL from OTEL_EXPORTER_OTLP_ENDPOINT. */
function tracesUrlOf(base: string): string {
  return `${base.replace(/\/+$/, '')}/v1/traces`;
}
