import type { ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { jobDataKeys } from '@llmops/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@llmops/testing';
import { getJson, keys, redisUrl, startHarness, submitEcho, type Harness } from './fixtures/harness';

let harness: Harness;
let redis: Redis;
beforeAll(async () => {
  harness = await startHarness('failures');
  redis = new Redis(redisUrl);
});
afterAll(async () => {
  redis.disconnect();
  await harness.close();
});

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `item-${i}`, text: `t${i}` }));
const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve({ code: child.exitCode, signal: child.signalCode });
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });

async function view(id: string) {
  return (await getJson(`${harness.api.url}/v1/jobs/${id}`, keys.alice)).body as {
    state: string;
    progress: { done?: number };
    attempts: { made: number };
    result: { items: number; skipped: number } | null;
  };
}

async function storedResultIds(id: string): Promise<string[]> {
  return redis.hkeys(jobDataKeys(harness.prefix, id).results);
}

describe('a worker killed mid-job', () => {
  it('loses nothing: another worker recovers the stalled job and finishes it without redoing items', async () => {
    const first = await harness.startWorker({ WORKER_LOCK_MS: '2000', WORKER_ID: 'doomed' });
    const submitted = await submitEcho(harness.api, keys.alice, { items: items(20), delayMs: 150 });
    const id = String(submitted.body.id);
    await waitFor(async () => ((await view(id)).progress.done ?? 0) >= 4, { what: 'progress before the kill' });
    first.kill('SIGKILL');
    await exited(first);
    expect((await view(id)).state).not.toBe('completed');

    await harness.startWorker({ WORKER_LOCK_MS: '2000', WORKER_ID: 'rescuer' });
    const done = await waitFor(
      async () => {
        const current = await view(id);
        return current.state === 'completed' ? current : undefined;
      },
      { what: 'recovery', timeoutMs: 60_000 },
    );
    expect(done.result?.items).toBe(20);
    expect(done.result?.skipped).toBeGreaterThanOrEqual(4);
    expect((await storedResultIds(id)).sort()).toEqual(
      items(20)
        .map((item) => item.id)
        .sort(),
    );
  });
});

describe('SIGTERM', () => {
  it('hands a long job back at the deadline and exits; the job is left waiting, not stuck active', async () => {
    await harness.killWorkers();
    const worker = await harness.startWorker({ SHUTDOWN_DEADLINE_MS: '1000', WORKER_ID: 'terminated' });
    const submitted = await submitEcho(harness.api, keys.alice, { items: items(300), delayMs: 200 });
    const id = String(submitted.body.id);
    await waitFor(async () => ((await view(id)).progress.done ?? 0) >= 1, { what: 'job running' });
    worker.kill('SIGTERM');
    const exit = await exited(worker);
    expect(exit.code).toBe(0);
    const after = await view(id);
    // 300 items x 200 ms could not have finished: the worker left before the job did.
    expect(after.state).toBe('waiting');
    expect(after.attempts.made).toBe(0);

    await harness.startWorker({ WORKER_ID: 'successor', SHUTDOWN_DEADLINE_MS: '1000' });
    await waitFor(async () => (await view(id)).state === 'active', { what: 'successor picks the job up' });
    const cancelled = await fetch(`${harness.api.url}/v1/jobs/${id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${keys.alice}` } });
    expect(cancelled.status).toBe(202);
  });

  it('lets a short job finish before exiting', async () => {
    await harness.killWorkers();
    const worker = await harness.startWorker({ SHUTDOWN_DEADLINE_MS: '20000', WORKER_ID: 'graceful', WORKER_QUEUES: 'test-echo' });
    const submitted = await submitEcho(harness.api, keys.alice, { items: items(6), delayMs: 150 });
    const id = String(submitted.body.id);
    await waitFor(async () => (await view(id)).state === 'active' || (await view(id)).state === 'completed');
    worker.kill('SIGTERM');
    expect((await exited(worker)).code).toBe(0);
    // The deadline was long enough: the job finished on the terminating worker before it left.
    expect((await view(id)).state).toBe('completed');
  });
});
