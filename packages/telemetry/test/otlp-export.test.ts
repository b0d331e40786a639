import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Attr, SpanKind, withSpan } from '../src';
import { startTracing, tracingConfigOf, TracingEnv } from '../src/sdk';
import { startOtlpReceiver, type OtlpReceiver } from '../src/testing';

describe('the OTLP/HTTP exporter, as the apps configure it', () => {
  let receiver: OtlpReceiver;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });
  afterAll(() => receiver.close());

  it('delivers spans with their service, parent and attributes to a collector', async () => {
    const config = tracingConfigOf(
      TracingEnv.parse({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=test' }),
      {
        serviceName: 'llmops-worker',
        serviceInstanceId: 'worker-7',
      },
    );
    const tracing = startTracing(config!);
    try {
      await withSpan(
        'job inference',
        { [Attr.jobId]: 'inference-1', [Attr.jobAttempt]: 2 },
        () => withSpan('chat gpt-4o-mini', { [Attr.genAiInputTokens]: 12 }, async () => {}, { kind: SpanKind.CLIENT }),
        {
          kind: SpanKind.CONSUMER,
        },
      );
      await tracing.flush();
    } finally {
      await tracing.shutdown();
    }
    const spans = receiver.spans();
    expect(receiver.rejected()).toBe(0);
    const job = spans.find((span) => span.name === 'job inference')!;
    const chat = spans.find((span) => span.name === 'chat gpt-4o-mini')!;
    expect(job).toMatchObject({ service: 'llmops-worker', kind: 'consumer', attributes: { 'llmops.job.id': 'inference-1', 'llmops.job.attempt': 2 } });
    expect(chat).toMatchObject({ kind: 'client', traceId: job.traceId, parentSpanId: job.spanId, attributes: { 'gen_ai.usage.input_tokens': 12 } });
  });
});
