import { context, diag, DiagLogLevel, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ConsoleSpanExporter,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  TracerProvider,
  type Sampler,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_INSTANCE_ID, ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { setSdkRunning } from '../span';
import type { SamplerName, TracingConfig } from './env';

/** Where the SDK reports its own trouble (an unreachable collector); a pino logger fits. */
export interface TracingLogger {
  warn(obj: object, msg?: string): void;
}

export interface StartTracingOptions {
  /**
   * Export to this exporter instead of the configured one, each span as it ends (no batching): an
   * in-memory exporter in tests (see `@llmops/telemetry/testing`). Default: the configured exporter,
   * batched.
   */
  exporter?: SpanExporter;
  /** With `exporter`: batch its spans as the configured exporter's are (benches). Default false. */
  batched?: boolean;
  /** Default: SDK warnings are dropped. */
  logger?: TracingLogger;
}

export interface Tracing {
  /** Exports every ended span now (tests wait for it; a shutdown does it too). */
  flush(): Promise<void>;
  /** Exports what is left and unregisters the SDK (spans become no-ops again). Idempotent. */
  shutdown(): Promise<void>;
}

/**
 * Registers the OpenTelemetry SDK for this process: the tracer provider with the configured sampler,
 * resource and exporter, an AsyncLocalStorage context manager (so a span stays active across awaits)
 * and the W3C trace-context propagator. Call it first thing in an app's main, before any work starts.
 * Only one may be registered per process at a time: a second call throws.
 */
export function startTracing(config: TracingConfig, options: StartTracingOptions = {}): Tracing {
  const resource = defaultResource().merge(
    resourceFromAttributes({
      ...config.resourceAttributes,
      [ATTR_SERVICE_NAME]: config.serviceName,
      ...(config.serviceInstanceId ? { [ATTR_SERVICE_INSTANCE_ID]: config.serviceInstanceId } : {}),
    }),
  );
  const provider = new TracerProvider({
    resource,
    sampler: samplerOf(config.sampler),
    spanProcessors: [processorOf(config, options.exporter, options.batched ?? false)],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  if (!context.setGlobalContextManager(contextManager) || !trace.setGlobalTracerProvider(provider)) {
    context.disable();
    trace.disable();
    contextManager.disable();
    throw new Error('tracing is already started in this process');
  }
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  setSdkRunning(true);
  if (options.logger) diag.setLogger(diagLoggerOf(options.logger), DiagLogLevel.WARN);
  let stopping: Promise<void> | undefined;
  return {
    flush: () => provider.forceFlush(),
    shutdown() {
      stopping ??= provider.shutdown().finally(() => {
        setSdkRunning(false);
        trace.disable();
        propagation.disable();
        context.disable();
        diag.disable();
      });
      return stopping;
    },
  };
}

function processorOf(config: TracingConfig, override: SpanExporter | undefined, batched: boolean): SpanProcessor {
  if (override && !batched) return new SimpleSpanProcessor({ exporter: override });
  const exporter =
    override ??
    (config.exporter.kind === 'console'
      ? new ConsoleSpanExporter()
      : new OTLPTraceExporter({ url: config.exporter.url, headers: config.exporter.headers, timeoutMillis: config.exporter.timeoutMs }));
  const { scheduledDelayMs, exportTimeoutMs, maxQueueSize, maxExportBatchSize } = config.batch;
  return new BatchSpanProcessor({ exporter, scheduledDelayMillis: scheduledDelayMs, exportTimeoutMillis: exportTimeoutMs, maxQueueSize, maxExportBatchSize });
}

/** The specification's samplers by name. */
export function samplerOf(sampler: { name: SamplerName; ratio: number }): Sampler {
  switch (sampler.name) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(sampler.ratio);
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(sampler.ratio) });
  }
}

/** SDK warnings and errors (failed exports) as log lines; its chatter below warn is dropped. */
function diagLoggerOf(logger: TracingLogger) {
  const warn = (message: string) => logger.warn({ err: message }, 'tracing: span export trouble');
  const ignore = () => {};
  return { error: warn, warn, info: ignore, debug: ignore, verbose: ignore };
}
