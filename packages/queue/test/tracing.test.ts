import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCatalog, defineJob } from '@llmops/contracts';
import { SpanKind, withSpan } from '@llmops/telemetry';
import { startMemoryTracing, traceOf, type MemoryTracing } from '@llmops/telemetry/testing';
import { deleteKeys, uniquePrefix, waitFor } from '@llmops/testing';
import {
  createJobQueues,
  NonRetriableError,
  platformKeys,
  RetryAfterError,
  silentLogger,
  startWorkers,
  submitJob,
  TenantJobIndex,
  type JobHandlers,
  type JobQueues,
  type SubmitDeps,
  type WorkerRuntime,
} from '../src';

const redisUrl = 'redis://127.0.0.1:6379';
const catalog = defineCatalog({
  'unit-traced': defineJob({
    queue: 'unit-traced',
    description: 'test-only: does some traced work',
    payload: z.strictObject({ throttleOnce: z.boolean(), failHard: z.boolean().default(false) }),
    result: z.object({ ok: z.boolean() }),
    attempts: 2,
    backoff: { type: 'fixed', delayMs: 50 },
    timeoutMs: 10_000,
  }),
});
const throttled = new Set<string>();
const handlers: JobHandlers<typeof catalog> = {
  'unit-traced': async ({ jobId, payload }) => {
    if (payload.failHard) throw new NonRetriableError('cannot read the order of alice@example.com');
    if (payload.throttleOnce && !throttled.has(jobId)) {
      throttled.add(jobId);
      throw new RetryAfterError(100);
    }
    await withSpan('item', {}, async () => {});
    return { ok: true };
  },
};

const prefix = uniquePrefix('queue-tracing');
let tracing: MemoryTracing;
let redis: Redis;
let queues: JobQueues;
let runtime: WorkerRuntime;
let deps: SubmitDeps;
beforeAll(async () => {
  tracing = startMemoryTracing({ serviceName: 'queue-test' });
  redis = new Redis(redisUrl);
  queues = createJobQueues({ catalog, connection: redis, prefix, retentionSeconds: 600 });
  const keys = platformKeys(prefix);
  deps = { catalog, queues, tenantJobs: new TenantJobIndex(redis, keys, 600_000), redis, keys, retentionSeconds: 600 };
  runtime = await startWorkers({ catalog, handlers, redisUrl, prefix, workerId: 'traced', logger: silentLogger, retentionSeconds: 600 });
});
afterAll(async () => {
  await runtime.close();
  await queues.close();
  redis.disconnect();
  await deleteKeys(redisUrl, prefix);
  await tracing.shutdown();
});

/** Submits as the API does: inside a request's span. */
const submit = (throttleOnce: boolean, failHard = false) =>
  withSpan(
    'POST /v1/unit',
    {},
    () => submitJob(deps, { jobName: 'unit-traced', tenant: 't1', payload: { throttleOnce, failHard }, requestHash: 'a'.repeat(64) }),
    { kind: SpanKind.SERVER },
  );

const spansOfJob = (jobId: string) => tracing.spans().filter((span) => span.attributes['messaging.message.id'] === jobId);

describe('trace context through the queue', () => {
  it('continues the request trace in the job span: request > enqueue > job > the handler work', async () => {
    const { jobId } = await submit(false);
    const job = await waitFor(() => spansOfJob(jobId).find((span) => span.kind === 'consumer'));
    const trace = traceOf(tracing.spans(), job.traceId);
    const enqueue = trace.parentOf(job)!;
    expect(enqueue).toMatchObject({ name: 'enqueue unit-traced', kind: 'producer', attributes: { 'llmops.job.outcome': 'created', 'llmops.tenant': 't1' } });
    expect(trace.parentOf(enqueue)).toMatchObject({ name: 'POST /v1/unit', kind: 'server' });
    expect(job).toMatchObject({ name: 'job unit-traced', status: 'unset', attributes: { 'llmops.job.outcome': 'completed', 'llmops.job.attempt': 1 } });
    const item = tracing.spans().find((span) => span.name === 'item' && span.traceId === job.traceId);
    expect(item?.parentSpanId).toBe(job.spanId);
  });

  it('records a 429 delay as its own outcome, not a failure, and the next run in the same trace', async () => {
    const { jobId } = await submit(true);
    const runs = await waitFor(() => {
      const found = spansOfJob(jobId).filter((span) => span.kind === 'consumer');
      return found.length >= 2 && found;
    });
    expect(runs.map((span) => [span.attributes['llmops.job.outcome'], span.status])).toEqual([
      ['delayed', 'unset'],
      ['completed', 'unset'],
    ]);
    expect(new Set(runs.map((span) => span.traceId)).size).toBe(1);
  });

  it('marks a failed job span as an error, naming what the handler threw but not its message', async () => {
    const { jobId } = await submit(false, true);
    const job = await waitFor(() => spansOfJob(jobId).find((span) => span.kind === 'consumer'));
    expect(job).toMatchObject({
      status: 'error',
      attributes: { 'llmops.job.outcome': 'failed', 'llmops.job.error_type': 'NonRetriableError', 'error.type': 'UnrecoverableError' },
    });
    expect(JSON.stringify(tracing.spans())).not.toContain('alice@example.com');
  });

  it('stores the trace context in the job itself, validated on receipt', async () => {
    const { jobId } = await submit(false);
    const stored = await queues.get('unit-traced').getJob(jobId);
    expect((stored?.data as { trace?: unknown }).trace).toEqual({ traceparent: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/) });
    const forged = await queues.get('unit-traced').add('unit-traced', {
      tenant: 't1',
      requestHash: 'a'.repeat(64),
      submittedAt: new Date().toISOString(),
      payload: { throttleOnce: false },
      trace: { traceparent: 'abc' },
    });
    await waitFor(async () => (await forged.getState()) === 'failed' || undefined);
    expect((await queues.get('unit-traced').getJob(forged.id!))?.failedReason).toMatch(/malformed job: trace\.traceparent/);
  });
});
