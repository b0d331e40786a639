import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCatalog, defineJob } from '@llmops/contracts';
import { deleteKeys, uniquePrefix, waitFor } from '@llmops/testing';
import {
  CancelledJobs,
  cancelJob,
  createJobQueues,
  newJobId,
  platformKeys,
  QueueWatchers,
  ResultStore,
  startWorkers,
  type JobQueues,
  type Logger,
  type WorkerRuntime,
} from '../src';

// Queue event streams read on demand (QueueWatchers) and cancellations noted by the worker that ends
// the job (CancelledJobs), on real Redis with the real worker runtime.
const redisUrl = 'redis://127.0.0.1:6379';
const job = (queue: string, slotWith?: string) =>
  defineJob({
    queue,
    ...(slotWith ? { slotWith } : {}),
    description: 'test-only',
    payload: z.object({ hold: z.boolean().default(false) }),
    result: z.object({ ok: z.boolean() }),
    attempts: 1,
    backoff: { type: 'fixed', delayMs: 0 },
    timeoutMs: 30_000,
  });
const catalog = defineCatalog({ 'unit-whole': job('unit-whole'), 'unit-part': job('unit-part', 'unit-whole') });

/** A held job runs until it is stopped (as a handler's provider call would, it then throws); any other answers at once. */
const run = async ({ payload, signal }: { payload: { hold: boolean }; signal: AbortSignal }) => {
  if (payload.hold) await new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }));
  return { ok: true };
};
const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, child: () => quiet };

const prefix = uniquePrefix('queue-events');
const keys = platformKeys(prefix);
let redis: Redis;
let queues: JobQueues;
let runtime: WorkerRuntime;
beforeAll(async () => {
  redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  queues = createJobQueues({ catalog, connection: redis, prefix, retentionSeconds: 600 });
  runtime = await startWorkers({
    catalog,
    handlers: { 'unit-part': run, 'unit-whole': run },
    redisUrl,
    prefix,
    workerId: 'queue-events',
    logger: quiet,
    retentionSeconds: 600,
    concurrency: 4,
  });
});
afterAll(async () => {
  await runtime.close();
  await queues.close();
  redis.disconnect();
  await deleteKeys(redisUrl, prefix);
});

const envelope = (payload: unknown) => ({ tenant: 't1', requestHash: 'a'.repeat(64), submittedAt: new Date().toISOString(), payload });

describe('queue watchers', () => {
  it('read no stream until a job is watched, miss nothing written after watch(), and close once let go', async () => {
    const watchers = new QueueWatchers({ queues, connection: redis, idleMs: 0 });
    try {
      // Events written while nobody watches are not read by anyone here.
      await queues.get('unit-part').add('unit-part', envelope({}), { jobId: newJobId('unit-part') });
      expect(watchers.watched()).toEqual([]);

      const watch = await watchers.watch('unit-part');
      expect(watchers.watched()).toEqual(['unit-part']);
      const id = newJobId('unit-part');
      const completed = new Promise<string>((resolve) => watch.events.on('completed', (event) => event.jobId === id && resolve(event.jobId)));
      // Added right after watch() resolves: its events are delivered, even if the first XREAD is still on its way.
      await queues.get('unit-part').add('unit-part', envelope({}), { jobId: id });
      expect(await completed).toBe(id);

      watch.release();
      await waitFor(() => watchers.watched().length === 0, { what: 'the stream closed once let go' });
      // A later watcher opens it again.
      const again = await watchers.watch('unit-part');
      const next = newJobId('unit-part');
      const seen = new Promise<string>((resolve) => again.events.on('completed', (event) => event.jobId === next && resolve(event.jobId)));
      await queues.get('unit-part').add('unit-part', envelope({}), { jobId: next });
      expect(await seen).toBe(next);
      again.release();
    } finally {
      await watchers.close();
    }
  });
});

describe('cancelled jobs', () => {
  const counted = (queue: string) => new CancelledJobs(redis, keys, 600).count(queue);

  it('are noted by the worker that fails them, a flow parent with its parts, each once', async () => {
    const results = new ResultStore(redis, keys, 600);
    // A running job, cancelled.
    const running = newJobId('unit-part');
    await queues.get('unit-part').add('unit-part', envelope({ hold: true }), { jobId: running });
    await waitFor(async () => (await queues.get('unit-part').getJobState(running)) === 'active', { what: 'the job running' });
    await cancelJob({ redis, keys, results, retentionSeconds: 600 }, (await queues.get('unit-part').getJob(running))!);
    await waitFor(async () => (await counted('unit-part')) === 1, { what: 'the cancelled job noted' });

    // A flow whose parts run until cancelled: cancelling the whole fails the parts and, through them, the parent.
    const whole = newJobId('unit-whole');
    const parts = [1, 2].map(() => newJobId('unit-part'));
    await queues.addFlow(
      { name: 'unit-whole', jobId: whole, data: envelope({}) },
      parts.map((jobId) => ({ name: 'unit-part', jobId, data: envelope({ hold: true }) })),
    );
    await waitFor(async () => (await Promise.all(parts.map((id) => queues.get('unit-part').getJobState(id)))).every((state) => state === 'active'), {
      what: 'both parts running',
    });
    await cancelJob({ redis, keys, results, retentionSeconds: 600 }, (await queues.get('unit-whole').getJob(whole))!);
    await waitFor(async () => (await queues.get('unit-whole').getJobState(whole)) === 'failed', { what: 'the parent failed through its parts' });
    await waitFor(async () => (await counted('unit-whole')) === 1 && (await counted('unit-part')) === 3, { what: 'parent and parts noted' });

    // A job that fails for another reason is not a cancellation.
    const failing = newJobId('unit-part');
    await queues.get('unit-part').add('unit-part', envelope({ hold: 'not a boolean' }), { jobId: failing });
    await waitFor(async () => (await queues.get('unit-part').getJobState(failing)) === 'failed', { what: 'the bad job failed' });
    expect(await counted('unit-part')).toBe(3);
    expect(await counted('unit-whole')).toBe(1);
  }, 60_000);
});
