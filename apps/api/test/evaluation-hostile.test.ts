import { Queue, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@llmops/testing';
import { getJson } from './fixtures/harness';
import { json, keys, startPlatform, type PlatformHarness } from './fixtures/platform-harness';
import { allResults, finished, post } from './evaluation-helpers';
import { bullPrefix, platformCatalog } from '@llmops/contracts';

// A tenant's hostile graders must not stall the worker they share with other tenants' jobs. The
// worker renews its job locks every second here (WORKER_LOCK_MS 2,000): an event loop blocked for
// two seconds loses them, and BullMQ reports the jobs stalled. Before RE2, the first grade below
// blocked it for 78 s.

let harness: PlatformHarness;
const listeners: QueueEvents[] = [];
const stalled: string[] = [];

beforeAll(async () => {
  // Every chat answer takes 400 ms: the inference job below runs for several seconds.
  harness = await startPlatform('eval-hostile', { simulator: { latencyMs: 400 } });
  await harness.startWorker({ WORKER_LOCK_MS: '2000' });
  for (const queue of ['inference', 'evaluation'] as const) {
    const events = new QueueEvents(queue, { connection: { host: '127.0.0.1', port: 6379 }, prefix: bullPrefix(harness.prefix, platformCatalog[queue]) });
    events.on('stalled', ({ jobId }) => stalled.push(`${queue}:${jobId}`));
    await events.waitUntilReady();
    listeners.push(events);
  }
}, 60_000);
afterAll(async () => {
  await Promise.all(listeners.map((events) => events.close()));
  await harness?.close();
});

const view = async (id: string) => (await getJson(`${harness.api.url}/v1/jobs/${id}`, keys.alice)).body as { state: string; error: unknown };

async function submitInference(items: number): Promise<string> {
  const body = {
    model: 'gpt-4o-mini',
    parameters: { temperature: 0 },
    cache: { mode: 'off', threshold: 1 },
    items: Array.from({ length: items }, (_, i) => ({ id: `q${i}`, messages: [{ role: 'user', content: `Write one line about pump station ${i}` }] })),
  };
  const response = await fetch(`${harness.api.url}/v1/inference`, { method: 'POST', headers: json(keys.alice), body: JSON.stringify(body) });
  const payload = (await response.json()) as { id: string };
  expect(response.status, JSON.stringify(payload)).toBe(202);
  return payload.id;
}

// Recursion that applies itself twice per level: 2^40 subschema applications on a 90-character output.
const exponentialSchema = {
  definitions: { x: { allOf: [{ items: { $ref: '#/definitions/x' } }, { items: { $ref: '#/definitions/x' } }] } },
  $ref: '#/definitions/x',
};
const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('hostile graders on a shared worker', () => {
  it('a ReDoS regex grader is graded in linear time while an inference job on the same worker keeps its lock', async () => {
    const inference = await submitInference(320);
    await waitFor(async () => (await view(inference)).state === 'active', { what: 'inference job running' });

    const submitted = await post(harness, '/v1/evaluations', {
      cases: [
        { id: 'redos', input: 'q', expected: 'a', output: 'a'.repeat(30) + '!' },
        { id: 'redos-long', input: 'q', expected: 'a', output: 'a'.repeat(50_000) + '!' },
        { id: 'match', input: 'q', expected: 'a', output: 'a'.repeat(30) },
        { id: 'deep-json', input: 'q', expected: 'a', output: nested(40) },
        { id: 'long-edit', input: 'q', expected: 'y'.repeat(40_000), output: 'x'.repeat(40_000) },
      ],
      graders: [
        { type: 'regex', pattern: '^(a+)+$' },
        { type: 'json-schema', name: 'schema-pattern', schema: { type: 'string', pattern: '^(a|aa)+$' } },
        { type: 'json-schema', name: 'schema-recursion', schema: exponentialSchema },
        { type: 'edit-distance' },
      ],
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
    const evaluation = String(submitted.body.id);
    await finished(harness, evaluation);
    // The two jobs overlapped: the evaluation finished while the inference job was still at work.
    expect((await view(inference)).state).toBe('active');

    const grades = Object.fromEntries((await allResults(harness, evaluation)).map((item) => [item.result.caseId, item.result.grades]));
    // RE2 computed the grades a backtracking engine could not have.
    expect(grades.redos!.regex).toMatchObject({ status: 'graded', pass: false });
    expect(grades['redos-long']!.regex).toMatchObject({ status: 'graded', pass: false });
    expect(grades.match!.regex).toMatchObject({ status: 'graded', pass: true });
    // Work past a cap fails that grade with a clear error; the others are still graded.
    expect(grades['deep-json']!['schema-recursion']).toMatchObject({
      status: 'error',
      problem: expect.stringMatching(/^validation needs more than the 500,000,000 work units/),
    });
    expect(grades['long-edit']!['edit-distance']).toMatchObject({
      status: 'error',
      problem: expect.stringMatching(/^edit distance of 40,000 by 40,000 characters needs 1,600,000,000 steps/),
    });
    expect(grades['deep-json']!['schema-pattern']).toMatchObject({ status: 'graded', pass: false });
    expect(grades.match!['edit-distance']).toMatchObject({ status: 'graded' });

    await waitFor(
      async () => {
        const current = await view(inference);
        if (current.state === 'failed') throw new Error(`inference failed: ${JSON.stringify(current.error)}`);
        return current.state === 'completed';
      },
      { what: 'inference job completed', timeoutMs: 120_000 },
    );
    // Its lock was renewed throughout: never reported stalled, never taken back and restarted.
    expect(stalled).toEqual([]);
    const queue = new Queue('inference', { connection: harness.redis, prefix: bullPrefix(harness.prefix, platformCatalog.inference) });
    try {
      const job = await queue.getJob(inference);
      expect(job?.stalledCounter).toBe(0);
      expect(job?.attemptsStarted).toBe(1);
    } finally {
      await queue.close();
    }
  }, 180_000);
});
