import { afterEach, describe, expect, it } from 'vitest';
import { extractFromHeaders, extractTrace, injectTrace, SpanKind, traceLogFields, withSpan } from '../src';
import { startMemoryTracing, traceOf, type MemoryTracing } from '../src/testing';

class BudgetError extends Error {
  readonly reason = 'budget_exhausted';
}
class Handback extends Error {}

describe('withSpan without an SDK', () => {
  it('runs the work and carries nothing', async () => {
    const seen: unknown[] = [];
    const value = await withSpan('work', { 'llmops.tenant': 'alice' }, async (span) => {
      seen.push(span.isRecording(), injectTrace(), traceLogFields());
      return 42;
    });
    expect(value).toBe(42);
    expect(seen).toEqual([false, undefined, {}]);
  });

  it('rethrows what the work throws', async () => {
    await expect(withSpan('work', {}, () => Promise.reject(new BudgetError('no money')))).rejects.toBeInstanceOf(BudgetError);
  });
});

describe('withSpan with an SDK', () => {
  let tracing: MemoryTracing | undefined;
  afterEach(async () => {
    await tracing?.shutdown();
    tracing = undefined;
  });

  it('nests spans across awaits and timers, ending each when its work settles', async () => {
    tracing = startMemoryTracing({ serviceName: 'unit' });
    await withSpan('outer', { 'llmops.job.id': 'j1', dropped: undefined }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      await Promise.all([withSpan('a', {}, async () => {}), withSpan('b', {}, () => new Promise((resolve) => setImmediate(resolve)))]);
    });
    const spans = tracing.spans();
    const outer = spans.find((span) => span.name === 'outer')!;
    expect(outer.attributes).toEqual({ 'llmops.job.id': 'j1' });
    expect(outer.service).toBe('unit');
    const tree = traceOf(spans, outer.traceId);
    expect(tree.spans.map((span) => span.name).sort()).toEqual(['a', 'b', 'outer']);
    for (const name of ['a', 'b']) expect(tree.parentOf(tree.spans.find((span) => span.name === name)!)?.name).toBe('outer');
    expect(outer.parentSpanId).toBeUndefined();
  });

  it('marks a failed span with the error type and never its message', async () => {
    tracing = startMemoryTracing();
    await expect(withSpan('call', {}, () => Promise.reject(new BudgetError('alice@example.com has no budget')))).rejects.toThrow();
    await expect(withSpan('other', {}, () => Promise.reject(new Error('secret prompt text')))).rejects.toThrow();
    const [call, other] = tracing.spans();
    expect(call).toMatchObject({ status: 'error', attributes: { 'error.type': 'budget_exhausted' } });
    expect(other).toMatchObject({ status: 'error', attributes: { 'error.type': 'Error' } });
    expect(JSON.stringify(tracing.spans())).not.toMatch(/alice@example\.com|secret prompt/);
  });

  it('leaves a span unfailed for errors that are not failures', async () => {
    tracing = startMemoryTracing();
    await expect(withSpan('job', {}, () => Promise.reject(new Handback()), { notAnError: (error) => error instanceof Handback })).rejects.toBeInstanceOf(
      Handback,
    );
    expect(tracing.spans()[0]!.status).toBe('unset');
  });

  it('carries the trace through a W3C carrier, as a job carries it to another process', async () => {
    tracing = startMemoryTracing();
    const carrier = await withSpan('enqueue', {}, () => injectTrace(), { kind: SpanKind.PRODUCER });
    expect(carrier?.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    // Serialized as the job is in Redis, then continued with no active context (a worker's).
    const restored = JSON.parse(JSON.stringify(carrier)) as typeof carrier;
    await withSpan('process', {}, async () => {}, { kind: SpanKind.CONSUMER, parent: extractTrace(restored) });
    const [enqueue, process] = tracing.spans();
    expect(process!.traceId).toBe(enqueue!.traceId);
    expect(process!.parentSpanId).toBe(enqueue!.spanId);
    expect(process!.kind).toBe('consumer');
  });

  it('puts the active trace and span ids on log fields', async () => {
    tracing = startMemoryTracing();
    const fields = await withSpan('logged', {}, () => traceLogFields());
    const [span] = tracing.spans();
    expect(fields).toEqual({ trace_id: span!.traceId, span_id: span!.spanId });
  });

  it('continues a caller traceparent header but drops malformed ones and tracestate', async () => {
    tracing = startMemoryTracing();
    const caller = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    await withSpan('server', {}, () => injectTrace(), { parent: extractFromHeaders({ traceparent: caller, tracestate: 'vendor=alice@example.com' }) }).then(
      (carrier) => expect(carrier).toEqual({ traceparent: expect.stringMatching(/^00-0af7651916cd43dd8448eb211c80319c-/) }),
    );
    await withSpan('fresh', {}, async () => {}, { parent: extractFromHeaders({ traceparent: 'not-a-trace' }) });
    const [server, fresh] = tracing.spans();
    expect(server).toMatchObject({ traceId: '0af7651916cd43dd8448eb211c80319c', parentSpanId: 'b7ad6b7169203331' });
    expect(fresh!.parentSpanId).toBeUndefined();
    expect(fresh!.traceId).not.toBe(server!.traceId);
  });
});
