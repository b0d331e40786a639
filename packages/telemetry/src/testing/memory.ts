import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { startTracing } from '../sdk/start';
import { fromReadableSpan, type ReceivedSpan } from './spans';

export interface MemoryTracing {
  /** Every span ended since the start (or the last reset), in the order they ended. */
  spans(): ReceivedSpan[];
  reset(): void;
  /** Unregisters the SDK (spans become no-ops again). */
  shutdown(): Promise<void>;
}

/**
 * Tracing for this process into memory: every span is kept as it ends (no batching), with all spans
 * sampled. For tests of code that runs in the test's own process (the API in the platform harness).
 */
export function startMemoryTracing(options: { serviceName?: string } = {}): MemoryTracing {
  const exporter = new InMemorySpanExporter();
  const tracing = startTracing(
    {
      serviceName: options.serviceName ?? 'test',
      resourceAttributes: {},
      exporter: { kind: 'console' }, // not used: the in-memory exporter below replaces it
      sampler: { name: 'always_on', ratio: 1 },
      batch: { scheduledDelayMs: 0, exportTimeoutMs: 30_000, maxQueueSize: 2_048, maxExportBatchSize: 512 },
    },
    { exporter },
  );
  return {
    spans: () => exporter.getFinishedSpans().map(fromReadableSpan),
    reset: () => exporter.reset(),
    shutdown: () => tracing.shutdown(),
  };
}
