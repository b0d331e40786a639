import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bullPrefix, platformCatalog } from '@llmops/contracts';
import { waitFor } from '@llmops/testing';
import { auth, json, keys, startPlatform, type PlatformHarness } from './fixtures/platform-harness';

// A Batch API job is a step job: it submits its batch, then waits in BullMQ's delayed set, not in a
// worker slot. The provider here takes 30 s per batch; the worker has ONE inference slot.
let h: PlatformHarness;
let inference: Queue;
beforeAll(async () => {
  h = await startPlatform('batch-step', { simulator: { batchDelayMs: 30_000 } });
  await h.startWorker({ WORKER_CONCURRENCY: 'inference=1' });
  inference = new Queue('inference', { connection: h.redis, prefix: bullPrefix(h.prefix, platformCatalog.inference) });
}, 60_000);
afterAll(async () => {
  await inference?.close();
  await h?.close();
});

const submit = async (body: unknown) => {
  const response = await fetch(`${h.api.url}/v1/inference`, { method: 'POST', headers: json(keys.alice), body: JSON.stringify(body) });
  expect(response.status).toBe(202);
  return ((await response.json()) as { id: string }).id;
};
const view = async (id: string) =>
  (await (await fetch(`${h.api.url}/v1/jobs/${id}`, { headers: auth(keys.alice) })).json()) as {
    state: string;
    result: { answered?: number } | null;
    attempts: { made: number };
  };
const ask = (id: string, content: string) => ({ id, messages: [{ role: 'user', content }] });

describe('a Batch API job waits as a step job', () => {
  it('holds no worker slot while the provider works for 30 s: another job runs in the only slot meanwhile', async () => {
    const batchJob = await submit({
      model: 'gpt-4o-mini',
      mode: 'batch',
      cache: { mode: 'off' },
      items: Array.from({ length: 5 }, (_, i) => ask(`b${i}`, `Batch question ${i}`)),
    });
    // Submitted to the provider, then delayed until its next check.
    await waitFor(async () => (await inference.getJobState(batchJob)) === 'delayed' || undefined, { what: 'the batch job to wait delayed', timeoutMs: 30_000 });
    const submittedAt = Date.now();

    // While the batch runs, no inference job is active, and a realtime job gets the one slot and finishes.
    const realtime = await submit({ model: 'gpt-4o-mini', cache: { mode: 'off' }, items: [ask('r', 'A realtime question')] });
    await waitFor(async () => (await view(realtime)).state === 'completed' || undefined, {
      what: 'the realtime job to complete while the batch runs',
      timeoutMs: 20_000,
    });
    expect((await view(batchJob)).state).not.toBe('completed');
    // The active count, read while the batch job waits (delayed before and after the read: a check
    // itself takes the slot for a moment).
    const samples: number[] = [];
    await waitFor(
      async () => {
        if ((await inference.getJobState(batchJob)) !== 'delayed') return undefined;
        const active = await inference.getActiveCount();
        if ((await inference.getJobState(batchJob)) === 'delayed') samples.push(active);
        return samples.length >= 10 || undefined;
      },
      { what: 'ten samples of the active count' },
    );
    expect(samples).toEqual(Array.from({ length: 10 }, () => 0));

    const done = await waitFor(
      async () => {
        const job = await view(batchJob);
        return job.state === 'completed' ? job : undefined;
      },
      { what: 'the batch job to complete', timeoutMs: 90_000 },
    );
    console.log(
      `batch step job: provider batch took ~30 s; the job completed ${Math.round((Date.now() - submittedAt) / 1000)} s after it went delayed, with ${(await inference.getJob(batchJob))?.attemptsStarted} starts and ${done.attempts.made} attempt`,
    );
    expect(done.result?.answered).toBe(5);
    // One batch, one attempt: the checks were not attempts and nothing was sent twice.
    expect(done.attempts.made).toBe(1);
    const lines = h.simulator.log.list().filter((entry) => entry.batchId);
    expect(lines).toHaveLength(5);
    expect(new Set(lines.map((entry) => entry.batchId)).size).toBe(1);
  }, 150_000);
});
