import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMemoryTracing, startOtlpReceiver, traceOf, type MemoryTracing, type OtlpReceiver, type ReceivedSpan } from '@llmops/telemetry/testing';
import { waitFor } from '@llmops/testing';
import { auth, json, keys, startPlatform, type PlatformHarness } from './fixtures/platform-harness';

// Must-show 1: one inference request is one trace, from the API's HTTP span through the enqueue, across
// Redis into the worker process's job span, down to the item, its cache lookup and the provider call.
// The API runs in this process (its spans go to an in-memory exporter); the worker is a separate
// process whose spans reach this test through the real OTLP/HTTP exporter and a stand-in collector.

// The prompt carries personal data; spans must carry none of it.
const PROMPT = 'Draft a reply to zebra.tracer@example.com about order 7731 and the late delivery';
const CALLER = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7' };

let receiver: OtlpReceiver;
let tracing: MemoryTracing;
let harness: PlatformHarness;
const workerLog: Record<string, unknown>[] = [];
beforeAll(async () => {
  receiver = await startOtlpReceiver();
  tracing = startMemoryTracing({ serviceName: 'llmops-api' });
  harness = await startPlatform('tracing', { simulator: { latencyMs: 5 } });
  // Only the worker exports over OTLP; a short batch delay so its spans arrive while the test waits.
  const worker = await harness.startWorker({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '100', LOG_LEVEL: 'info' });
  let partial = '';
  worker.stdout?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('{')) workerLog.push(JSON.parse(line) as Record<string, unknown>);
  });
}, 60_000);
afterAll(async () => {
  await harness?.close();
  await tracing?.shutdown();
  await receiver?.close();
});

const allSpans = () => [...tracing.spans(), ...receiver.spans()];

const oneItem = {
  model: 'gpt-4o-mini',
  parameters: { temperature: 0 },
  cache: { mode: 'semantic' },
  items: [{ id: 'q1', messages: [{ role: 'user', content: PROMPT }] }],
};

async function submitAndWait(headers: Record<string, string> = {}, body: unknown = oneItem): Promise<string> {
  const response = await fetch(`${harness.api.url}/v1/inference`, { method: 'POST', headers: { ...json(keys.alice), ...headers }, body: JSON.stringify(body) });
  const { id } = (await response.json()) as { id: string };
  expect(response.status).toBe(202);
  await waitFor(
    async () => {
      const view = (await (await fetch(`${harness.api.url}/v1/jobs/${id}`, { headers: auth(keys.alice) })).json()) as { state: string };
      return view.state === 'completed' || undefined;
    },
    { what: `job ${id} completed` },
  );
  return id;
}

/** The job's spans have arrived once its job span has (it ends last in the worker). */
const jobSpanOf = (jobId: string) =>
  waitFor(() => receiver.spans().find((span) => span.name === 'job inference' && span.attributes['messaging.message.id'] === jobId), {
    what: `the worker's job span of ${jobId}`,
  });

const one = (spans: readonly ReceivedSpan[], name: string) => {
  const found = spans.filter((span) => span.name === name);
  expect(
    found.map((span) => span.name),
    `exactly one span "${name}"`,
  ).toEqual([name]);
  return found[0]!;
};

describe('one trace follows an inference request across the API and the worker', () => {
  it('HTTP > enqueue > job > item > cache lookup and provider call, parented correctly across processes', async () => {
    const jobId = await submitAndWait({ traceparent: `00-${CALLER.traceId}-${CALLER.spanId}-01` });
    const job = await jobSpanOf(jobId);
    const trace = traceOf(allSpans(), job.traceId);

    // The caller's trace is continued: the API's span is a child of the caller's span.
    expect(job.traceId).toBe(CALLER.traceId);
    const http = one(trace.spans, 'POST /v1/inference');
    expect(http).toMatchObject({
      kind: 'server',
      service: 'llmops-api',
      parentSpanId: CALLER.spanId,
      attributes: { 'http.route': '/v1/inference', 'http.response.status_code': 202 },
    });

    const enqueue = one(trace.spans, 'enqueue inference');
    expect(enqueue).toMatchObject({
      kind: 'producer',
      service: 'llmops-api',
      parentSpanId: http.spanId,
      attributes: { 'messaging.message.id': jobId, 'llmops.tenant': 'alice' },
    });

    // Across Redis, in the worker process.
    expect(job).toMatchObject({ kind: 'consumer', service: 'llmops-worker', parentSpanId: enqueue.spanId, attributes: { 'llmops.job.outcome': 'completed' } });
    const item = one(trace.spans, 'inference item');
    expect(item).toMatchObject({
      service: 'llmops-worker',
      parentSpanId: job.spanId,
      attributes: { 'llmops.item.index': 0, 'llmops.item.outcome': 'answered', 'llmops.cache.outcome': 'miss' },
    });
    const lookup = one(trace.spans, 'cache lookup');
    expect(lookup).toMatchObject({ parentSpanId: item.spanId, attributes: { 'llmops.cache.lookup': 'semantic', 'llmops.cache.outcome': 'miss' } });
    // The lookup embedded the prompt for the similarity search.
    const embedding = trace.spans.find((span) => span.name.startsWith('embeddings ') && trace.ancestorsOf(span).includes(lookup));
    expect(embedding?.kind).toBe('client');
    // ...and searched the vector store with it.
    expect(trace.spans.find((span) => span.name.startsWith('search ') && span.parentSpanId === lookup.spanId)?.attributes).toMatchObject({
      'db.system.name': 'lancedb',
      'db.operation.name': 'search',
    });

    const chat = one(trace.spans, 'chat gpt-4o-mini');
    expect(chat).toMatchObject({
      kind: 'client',
      service: 'llmops-worker',
      status: 'unset',
      attributes: { 'gen_ai.provider.name': 'default', 'llmops.llm.attempts': 1, 'llmops.llm.retries': 0 },
    });
    expect(Number(chat.attributes['gen_ai.usage.input_tokens'])).toBeGreaterThan(0);
    expect(Number(chat.attributes['gen_ai.usage.output_tokens'])).toBeGreaterThan(0);
    expect(Number(chat.attributes['llmops.llm.cost_usd'])).toBeGreaterThan(0);
    // The provider call belongs to the item (through the cache's in-flight coalescing), not to the lookup.
    expect(trace.ancestorsOf(chat)).toEqual(expect.arrayContaining([item, job, enqueue, http]));
    expect(trace.ancestorsOf(chat)).not.toContain(lookup);
    // The shared limiter admitted the call: its span is the call's child.
    expect(trace.spans.filter((span) => span.name === 'rate limiter' && span.parentSpanId === chat.spanId)).toHaveLength(1);

    // Nothing in any span, in either process, quotes the prompt or its personal data.
    expect(receiver.rejected()).toBe(0);
    expect(JSON.stringify(allSpans())).not.toMatch(/zebra\.tracer|example\.com|order 7731|late delivery/);
  });

  it('a body that arrives in several packets is still read inside the request span', async () => {
    const long = 'Summarise the maintenance log of pump station nine. '.repeat(1_800); // ~90 KB a message
    const text = JSON.stringify({
      model: 'gpt-4o-mini',
      cache: { mode: 'off' },
      items: [
        {
          id: 'long',
          messages: [
            { role: 'user', content: long },
            { role: 'user', content: long },
          ],
        },
      ],
    });
    // The second half is sent once the server has answered 100-continue: it is read from the socket
    // after the request's middleware started, in the socket's callbacks.
    const { status, id } = await new Promise<{ status: number; id: string }>((resolve, reject) => {
      const url = new URL(`${harness.api.url}/v1/inference`);
      const req = request({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { ...json(keys.alice), 'Content-Length': Buffer.byteLength(text), Expect: '100-continue' },
      });
      req.on('continue', () => req.end(text));
      req.on('response', (res) => {
        let body = '';
        res
          .setEncoding('utf8')
          .on('data', (chunk: string) => (body += chunk))
          .on('end', () => resolve({ status: res.statusCode ?? 0, id: (JSON.parse(body) as { id: string }).id }));
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(status).toBe(202);
    const enqueue = tracing.spans().find((span) => span.name === 'enqueue inference' && span.attributes['messaging.message.id'] === id)!;
    const http = await waitFor(() => traceOf(tracing.spans(), enqueue.traceId).parentOf(enqueue));
    expect(http).toMatchObject({ name: 'POST /v1/inference', kind: 'server' });
  });

  it('the same request again is a new trace answered by the cache: a hit, and no provider call', async () => {
    const jobId = await submitAndWait();
    const job = await jobSpanOf(jobId);
    const trace = traceOf(allSpans(), job.traceId);
    expect(job.traceId).not.toBe(CALLER.traceId);
    const http = one(trace.spans, 'POST /v1/inference');
    expect(http.parentSpanId).toBeUndefined();
    expect(one(trace.spans, 'cache lookup').attributes).toMatchObject({ 'llmops.cache.outcome': 'hit', 'llmops.cache.kind': 'exact' });
    expect(trace.spans.some((span) => span.name.startsWith('chat '))).toBe(false);
  });

  it('a log line written inside a span carries its trace and span ids', async () => {
    // Provider faults make the worker log retries on the job's logger, inside the provider-call span.
    harness.simulator.configure({ failRate5xx: 0.3 });
    let jobId: string;
    try {
      const items = Array.from({ length: 20 }, (_, i) => ({
        id: `r${i}`,
        messages: [{ role: 'user', content: `Give one tip about pump maintenance, number ${i}` }],
      }));
      jobId = await submitAndWait({}, { model: 'gpt-4o-mini', cache: { mode: 'off' }, items });
    } finally {
      harness.simulator.configure({ failRate5xx: 0 });
    }
    const job = await jobSpanOf(jobId);
    const calls = new Set(
      traceOf(allSpans(), job.traceId)
        .spans.filter((span) => span.name === 'chat gpt-4o-mini')
        .map((span) => span.spanId),
    );
    const retries = workerLog.filter((line) => line.msg === 'provider call failed, retrying' && line.jobId === jobId);
    expect(retries.length).toBeGreaterThan(0);
    for (const line of retries) {
      expect(line.trace_id).toBe(job.traceId);
      expect(calls.has(String(line.span_id))).toBe(true);
    }
  });
});
