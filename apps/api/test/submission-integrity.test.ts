import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bullPrefix, inferenceItemsKey, platformCatalog } from '@llmops/contracts';
import { auth, json, keys, startPlatform, type PlatformHarness } from './fixtures/platform-harness';

// No worker runs here: every job these requests create stays waiting, so queue counts show exactly
// what was enqueued.
let harness: PlatformHarness;
let queues: Queue[] = [];
beforeAll(async () => {
  harness = await startPlatform('submission-integrity');
  queues = Object.keys(platformCatalog).map(
    (name) => new Queue(name, { connection: harness.redis, prefix: bullPrefix(harness.prefix, platformCatalog[name as keyof typeof platformCatalog]) }),
  );
}, 60_000);
afterAll(async () => {
  await Promise.all(queues.map((queue) => queue.close()));
  await harness?.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${harness.api.url}${path}`, { method: 'POST', headers: { ...json(keys.alice), ...headers }, body: JSON.stringify(body) });

async function queueCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const queue of queues) {
    const byState = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'waiting-children');
    counts[queue.name] = Object.values(byState).reduce((sum, n) => sum + n, 0);
  }
  return counts;
}

const inference = (tag: string, count: number) => ({
  model: 'gpt-4o-mini',
  items: Array.from({ length: count }, (_, i) => ({ id: `${tag}-${i}`, messages: [{ role: 'user', content: `question ${i} of request ${tag}` }] })),
});

describe('Idempotency-Key under races', () => {
  it("20 racing requests with one key and two bodies make one job; the other body gets 422; stored items are the winner's", async () => {
    for (let round = 0; round < 5; round++) {
      const key = `race-${round}-${Date.now()}`;
      const bodies = [inference(`a${round}`, 40), inference(`b${round}`, 25)];
      const responses = await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          const which = i % 2;
          const response = await post('/v1/inference', bodies[which], { 'Idempotency-Key': key });
          return { which, status: response.status, body: (await response.json()) as { id?: string; replayed?: boolean } };
        }),
      );
      const accepted = responses.filter((r) => r.status === 202);
      const refused = responses.filter((r) => r.status === 422);
      expect(accepted.length + refused.length, JSON.stringify(responses.map((r) => r.status))).toBe(20);
      const winner = accepted[0]!.which;
      expect(accepted.every((r) => r.which === winner)).toBe(true);
      expect(refused.every((r) => r.which !== winner)).toBe(true);
      expect(new Set(accepted.map((r) => r.body.id)).size).toBe(1);
      expect(accepted.filter((r) => r.body.replayed === false)).toHaveLength(1);

      const jobId = accepted[0]!.body.id!;
      const job = await queues.find((queue) => queue.name === 'inference')!.getJob(jobId);
      expect((job!.data as { payload: { itemCount: number } }).payload.itemCount).toBe(bodies[winner]!.items.length);
      const stored = await harness.redis.hgetall(inferenceItemsKey(harness.prefix, jobId));
      const ids = Object.values(stored)
        .map((raw) => (JSON.parse(raw) as { id: string }).id)
        .sort();
      expect(ids).toEqual(bodies[winner]!.items.map((item) => item.id).sort());
    }
  });
});

describe('references are checked at submission', () => {
  const cases: { name: string; path: string; body: unknown; status: number; field: string }[] = [
    { name: 'unknown inference model', path: '/v1/inference', body: { ...inference('m', 1), model: 'gpt-imaginary' }, status: 400, field: 'body.model' },
    {
      name: 'embedding model used for chat',
      path: '/v1/inference',
      body: { ...inference('m', 1), model: 'text-embedding-3-small' },
      status: 400,
      field: 'body.model',
    },
    {
      name: 'unknown RAG collection',
      path: '/v1/inference',
      body: { ...inference('r', 1), rag: { collection: 'nowhere', topK: 3, maxContextTokens: 500 } },
      status: 404,
      field: 'collection',
    },
    { name: 'unknown warming model', path: '/v1/cache/warm', body: { model: 'gpt-imaginary', queries: ['hello'] }, status: 400, field: 'body.model' },
    {
      name: 'unknown generation model',
      path: '/v1/evaluations',
      body: { cases: [{ id: 'c', input: 'x' }], generate: { model: 'gpt-imaginary' }, graders: [{ type: 'json' }] },
      status: 400,
      field: 'body.generate.model',
    },
    {
      name: 'unknown judge model',
      path: '/v1/evaluations',
      body: { cases: [{ id: 'c', input: 'x', output: 'y' }], judge: { model: 'nope-1' }, graders: [{ type: 'rubric', rubric: 'relevance' }] },
      status: 400,
      field: 'body.judge.model',
    },
    {
      name: 'unknown embedding grader model',
      path: '/v1/evaluations',
      body: { cases: [{ id: 'c', input: 'x', output: 'y', expected: 'y' }], graders: [{ type: 'embedding', model: 'gpt-4o-mini' }] },
      status: 400,
      field: 'body.graders.0.model',
    },
    {
      name: 'baseline that does not exist',
      path: '/v1/evaluations',
      body: { cases: [{ id: 'c', input: 'x', output: 'y' }], graders: [{ type: 'json' }], baseline: 'evaluation-00000000-0000-4000-8000-000000000000' },
      status: 404,
      field: 'body.baseline',
    },
    {
      name: 'baseline that is not an evaluation id',
      path: '/v1/evaluations',
      body: { cases: [{ id: 'c', input: 'x', output: 'y' }], graders: [{ type: 'json' }], baseline: 'whatever' },
      status: 404,
      field: 'body.baseline',
    },
    {
      name: 'invalid regex grader',
      path: '/v1/evaluations',
      body: { cases: [{ id: 'c', input: 'x', output: 'y' }], graders: [{ type: 'regex', pattern: '(unclosed' }] },
      status: 400,
      field: 'body.graders.0.pattern',
    },
    {
      name: 'invalid regex in a bulk body',
      path: '/v1/evaluations/batch',
      body: {
        jobs: [
          { cases: [{ id: 'c', input: 'x', output: 'y' }], graders: [{ type: 'json' }] },
          { cases: [{ id: 'c', input: 'x', output: 'y' }], graders: [{ type: 'regex', pattern: '[' }] },
        ],
      },
      status: 400,
      field: 'body.jobs.1.graders.0.pattern',
    },
    { name: 'unknown calibration model', path: '/v1/cache/calibrations', body: { model: 'gpt-imaginary' }, status: 400, field: 'body.model' },
    {
      name: 'unknown ingestion model',
      path: '/v1/collections/handbook/documents',
      body: { documents: [{ id: 'd', text: 'hello' }], model: 'gpt-imaginary' },
      status: 400,
      field: 'body.model',
    },
  ];

  it.each(cases)('$name -> $status naming $field, nothing enqueued', async ({ path, body, status, field }) => {
    const before = await queueCounts();
    const response = await post(path, body);
    const answer = (await response.json()) as { error: { message: string } };
    expect(response.status, JSON.stringify(answer)).toBe(status);
    expect(answer.error.message).toContain(field);
    expect(await queueCounts()).toEqual(before);
  });

  it("another tenant's completed evaluation is not a baseline (404)", async () => {
    const submitted = await fetch(`${harness.api.url}/v1/evaluations`, {
      method: 'POST',
      headers: json(keys.bob),
      body: JSON.stringify({ cases: [{ id: 'c', input: 'x', output: 'y' }], graders: [{ type: 'json' }] }),
    });
    const { id } = (await submitted.json()) as { id: string };
    const response = await post('/v1/evaluations', { cases: [{ id: 'c', input: 'x', output: 'y' }], graders: [{ type: 'json' }], baseline: id });
    expect(response.status).toBe(404);
    const view = await fetch(`${harness.api.url}/v1/jobs/${id}`, { headers: auth(keys.alice) });
    expect(view.status).toBe(404);
  });
});
