import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bullPrefix, defineCatalog, defineJob } from '@llmops/contracts';
import { deleteKeys, uniquePrefix, waitFor } from '@llmops/testing';
import { RetryAfterError, startWorkers, StepWait, type JobHandlers, type JobLifecycleEvent, type Logger, type WorkerRuntime } from '../src';

const redisUrl = 'redis://127.0.0.1:6379';
const catalog = defineCatalog({
  'unit-sum': defineJob({
    queue: 'unit-sum',
    description: 'test-only: adds numbers',
    payload: z.strictObject({ numbers: z.array(z.number()), throttleOnce: z.boolean().default(false), stepWaits: z.number().int().default(0) }),
    result: z.object({ sum: z.number() }),
    attempts: 2,
    backoff: { type: 'fixed', delayMs: 50 },
    timeoutMs: 10_000,
  }),
});

const throttled = new Set<string>();
const checks = new Map<string, number>();
const handlers: JobHandlers<typeof catalog> = {
  'unit-sum': async ({ jobId, payload }) => {
    if (payload.throttleOnce && !throttled.has(jobId)) {
      throttled.add(jobId);
      throw new RetryAfterError(200);
    }
    // A step job: waits `stepWaits` times for something outside before it answers.
    const check = (checks.get(jobId) ?? 0) + 1;
    checks.set(jobId, check);
    if (check <= payload.stepWaits) throw new StepWait(check === 1 ? 1_500 : 100, 'waiting for the provider');
    return { sum: payload.numbers.reduce((a, b) => a + b, 0) };
  },
};

// @ts-expect-error -- a handler map missing a job type in the catalog does not compile
const incomplete: JobHandlers<typeof catalog> = {};
void incomplete;

const lines: Record<string, unknown>[] = [];
const capture: Logger = {
  debug: (object, message) => lines.push({ ...object, message, level: 'debug' }),
  info: (object, message) => lines.push({ ...object, message }),
  warn: (object, message) => lines.push({ ...object, message }),
  error: (object, message) => lines.push({ ...object, message, level: 'error' }),
  child: () => capture,
};

const prefix = uniquePrefix('runtime');
const starts: JobLifecycleEvent[] = [];
let runtime: WorkerRuntime;
let queue: Queue;
let redis: Redis;
beforeAll(async () => {
  redis = new Redis(redisUrl);
  queue = new Queue('unit-sum', { connection: redis, prefix: bullPrefix(prefix, catalog['unit-sum']) });
  runtime = await startWorkers({
    catalog,
    handlers,
    redisUrl,
    prefix,
    workerId: 'unit',
    logger: capture,
    retentionSeconds: 600,
    concurrency: 2,
    lifecycle: { onStart: async (event) => void starts.push(event) },
  });
});
afterAll(async () => {
  await runtime.close();
  await queue.close();
  redis.disconnect();
  await deleteKeys(redisUrl, prefix);
});

const envelope = (payload: unknown) => ({ tenant: 't1', requestHash: 'a'.repeat(64), submittedAt: new Date().toISOString(), payload });

describe('worker runtime', () => {
  it('runs a valid job and stores its result', async () => {
    const job = await queue.add('unit-sum', envelope({ numbers: [1, 2, 3] }));
    await waitFor(async () => (await job.getState()) === 'completed' || undefined);
    expect((await queue.getJob(job.id!))?.returnvalue).toEqual({ sum: 6 });
  });

  it('fails a malformed job at once (no retry) and logs its id with what is wrong', async () => {
    const job = await queue.add('unit-sum', envelope({ numbers: 'seven' }), { attempts: 5 });
    await waitFor(async () => (await job.getState()) === 'failed' || undefined);
    const failed = await queue.getJob(job.id!);
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toMatch(/malformed job: numbers:/);
    expect(lines).toContainEqual(expect.objectContaining({ jobId: job.id, message: 'malformed job rejected' }));
  });

  it('rejects a job without a tenant envelope', async () => {
    const job = await queue.add('unit-sum', { numbers: [1] });
    await waitFor(async () => (await job.getState()) === 'failed' || undefined);
    expect((await queue.getJob(job.id!))?.failedReason).toMatch(/malformed job: tenant/);
  });

  it('delays a rate-limited job without using an attempt', async () => {
    const job = await queue.add('unit-sum', envelope({ numbers: [5], throttleOnce: true }), { attempts: 1 });
    await waitFor(async () => (await job.getState()) === 'completed' || undefined);
    const done = await queue.getJob(job.id!);
    expect(done?.returnvalue).toEqual({ sum: 5 });
    expect(done?.attemptsMade).toBe(1);
  });

  it('a step job waits delayed, holding no slot and using no attempt, and only its first start is one', async () => {
    const job = await queue.add('unit-sum', envelope({ numbers: [2, 2], stepWaits: 2 }), { attempts: 1 });
    await waitFor(async () => (await job.getState()) === 'delayed' || undefined, { what: 'the job to wait delayed' });
    expect(await queue.getActiveCount()).toBe(0);
    await waitFor(async () => (await job.getState()) === 'completed' || undefined, { what: 'the job to finish' });
    const done = await queue.getJob(job.id!);
    expect(done?.returnvalue).toEqual({ sum: 4 });
    expect(done?.attemptsMade).toBe(1);
    expect(done?.attemptsStarted).toBe(3);
    const mine = starts.filter((event) => event.jobId === job.id);
    expect(mine.map((event) => event.firstStart)).toEqual([true, false, false]);
    // Logged at debug, never as a rate-limit warning.
    const waits = lines.filter((line) => /step job waits/.test(String(line.message)));
    expect(waits).toEqual([
      expect.objectContaining({ level: 'debug', step: 'waiting for the provider', delayMs: 1_500 }),
      expect.objectContaining({ level: 'debug', delayMs: 100 }),
    ]);
    expect(lines.filter((line) => /rate limited/.test(String(line.message)))).toHaveLength(1); // the throttled test's, not these
  });

  it('reports in as a live worker', async () => {
    expect(await redis.zscore(`${prefix}:workers`, 'unit')).not.toBeNull();
  });

  it('refuses to serve a queue that is not in the catalog', async () => {
    await expect(startWorkers({ catalog, handlers, queues: ['nope'], redisUrl, prefix, workerId: 'x', logger: capture, retentionSeconds: 60 })).rejects.toThrow(
      /"nope", which is not a job queue/,
    );
  });
});
