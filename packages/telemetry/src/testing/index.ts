export { startOtlpReceiver, spansOfExport, ExportTraceServiceRequest, type OtlpReceiver } from './otlp-receiver';
export { startMemoryTracing, type MemoryTracing } from './memory';
export { fromReadableSpan, traceOf, type ReceivedSpan, type SpanKindName, type AttributeScalar } from './spans';
