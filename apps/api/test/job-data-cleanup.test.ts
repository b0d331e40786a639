import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bullPrefix, jobDataKeys, platformCatalog } from '@llmops/contracts';
import { waitFor } from '@llmops/testing';
import { auth, json, keys, startPlatform, type PlatformHarness } from './fixtures/platform-harness';

// Redis memory stays bounded: a job's side data (items, plans, results, vault scope) does not outlive
// what it is for.
let harness: PlatformHarness;
beforeAll(async () => {
  // Slow answers, so a big job is still running when it is cancelled.
  harness = await startPlatform('job-data-cleanup', { simulator: { latencyMs: 40 } });
  await harness.startWorker({ WORKER_CONCURRENCY: '2' });
}, 60_000);
afterAll(() => harness?.close());

const items = (tag: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `${tag}-${i}`,
    messages: [{ role: 'user', content: `Question ${i} for ${tag}: write to ops-${i}@example.com about the pump` }],
  }));

async function submit(tag: string, count: number): Promise<string> {
  const response = await fetch(`${harness.api.url}/v1/inference`, {
    method: 'POST',
    headers: json(keys.alice),
    body: JSON.stringify({ model: 'gpt-4o-mini', parameters: { temperature: 0 }, cache: { mode: 'off', threshold: 0.95 }, items: items(tag, count) }),
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

const state = async (id: string) =>
  ((await (await fetch(`${harness.api.url}/v1/jobs/${id}`, { headers: auth(keys.alice) })).json()) as { state: string; progress: unknown }).state;

/** Every Redis key that names the job, except BullMQ's record of it and the cancellation markers. */
async function dataKeysOf(jobId: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await harness.redis.scan(cursor, 'MATCH', `${harness.prefix}*${jobId}*`, 'COUNT', 1000);
    cursor = next;
    found.push(...batch);
  } while (cursor !== '0');
  const bullRecord = new RegExp(`^${bullPrefix(harness.prefix, platformCatalog.inference).replace(/[{}]/g, '\\$&')}:inference:${jobId}(:lock|:logs)?$`);
  return found.filter((key) => !bullRecord.test(key) && !key.includes(':cancel:') && !key.includes(':cancelled:') && !key.includes(':idem:')).sort();
}

describe('job data cleanup', () => {
  it('cancelling a running 10,000-item inference job deletes its items, results and vault scope', async () => {
    const id = await submit('big', 10_000);
    await waitFor(async () => ((await state(id)) === 'active' && (await harness.redis.exists(jobDataKeys(harness.prefix, id).results)) === 1) || undefined, {
      what: 'the job running with some results',
      timeoutMs: 60_000,
    });
    expect((await dataKeysOf(id)).length).toBeGreaterThan(0);
    const started = Date.now();
    const cancelled = await fetch(`${harness.api.url}/v1/jobs/${id}`, { method: 'DELETE', headers: auth(keys.alice) });
    expect(cancelled.status).toBe(202);
    await waitFor(async () => (await dataKeysOf(id)).length === 0 || undefined, { what: 'no data key of the cancelled job', timeoutMs: 30_000 });
    console.log(`cancelled 10,000-item job: data keys gone ${Date.now() - started} ms after DELETE`);
    expect(await state(id)).toBe('cancelled');
  });

  it('cancelling a job that has not started leaves no data key, at once', async () => {
    // Both worker slots are busy with long jobs, so this one waits.
    const blockers = [await submit('block-a', 400), await submit('block-b', 400)];
    const id = await submit('waiting', 50);
    expect(await state(id)).toBe('waiting');
    expect(await dataKeysOf(id)).not.toEqual([]);
    const cancelled = await fetch(`${harness.api.url}/v1/jobs/${id}`, { method: 'DELETE', headers: auth(keys.alice) });
    expect(cancelled.status).toBe(200);
    expect(await dataKeysOf(id)).toEqual([]);
    for (const blocker of blockers) await fetch(`${harness.api.url}/v1/jobs/${blocker}`, { method: 'DELETE', headers: auth(keys.alice) });
  });

  it('a finished job keeps its results and drops its inputs', async () => {
    const id = await submit('small', 5);
    await waitFor(async () => (await state(id)) === 'completed' || undefined, { what: 'completed', timeoutMs: 60_000 });
    await waitFor(async () => (await harness.redis.exists(jobDataKeys(harness.prefix, id).inferenceItems)) === 0 || undefined, {
      what: 'items deleted',
      timeoutMs: 10_000,
    });
    const page = (await (await fetch(`${harness.api.url}/v1/inference/${id}/results`, { headers: auth(keys.alice) })).json()) as { items: unknown[] };
    expect(page.items).toHaveLength(5);
  });
});
