import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@llmops/testing';
import { auth, json, keys, startPlatform, type PlatformHarness } from './fixtures/platform-harness';

// Identical requests in flight at the same time make one provider call: the simulator answers slowly
// enough that every item of a job (and of two jobs) is in flight together.
let harness: PlatformHarness;
beforeAll(async () => {
  harness = await startPlatform('cache-coalesce', { simulator: { latencyMs: 600 } });
  // One job at a time per worker: two jobs submitted together run on the two replicas.
  await Promise.all([harness.startWorker({ WORKER_CONCURRENCY: '1' }), harness.startWorker({ WORKER_CONCURRENCY: '1' })]);
}, 90_000);
afterAll(() => harness?.close());

type ItemResult = { id: string; status: string; answer?: string; cache: { outcome: string; kind?: string; source?: string } };

async function submit(items: { id: string; content: string }[]) {
  const response = await fetch(`${harness.api.url}/v1/inference`, {
    method: 'POST',
    headers: json(keys.alice),
    body: JSON.stringify({
      model: 'gpt-4o-mini',
      parameters: { temperature: 0 },
      items: items.map((i) => ({ id: i.id, messages: [{ role: 'user', content: i.content }] })),
    }),
  });
  const body = (await response.json()) as { id: string };
  expect(response.status, JSON.stringify(body)).toBe(202);
  return body.id;
}

async function completed(id: string) {
  const view = await waitFor(
    async () => {
      const job = (await (await fetch(`${harness.api.url}/v1/jobs/${id}`, { headers: auth(keys.alice) })).json()) as {
        state: string;
        error: string | null;
        result: Record<string, unknown>;
      };
      if (job.state === 'failed') throw new Error(`job failed: ${job.error}`);
      return job.state === 'completed' ? job : undefined;
    },
    { what: `job ${id}`, timeoutMs: 120_000 },
  );
  const page = (await (await fetch(`${harness.api.url}/v1/inference/${id}/results?limit=100`, { headers: auth(keys.alice) })).json()) as {
    items: ItemResult[];
  };
  return { summary: view.result, items: page.items };
}

const chatCalls = () => harness.simulator.log.list().filter((entry) => entry.path.endsWith('/chat/completions')).length;
const questions = (tag: string, n: number) => Array.from({ length: n }, (_, q) => `Give three facts about ${tag} topic number ${q} of the onboarding guide`);

describe('in-flight coalescing', () => {
  it('a job of 5 questions, each asked twice, all in flight together, makes 5 provider calls', async () => {
    const asked = questions('alpha', 5).flatMap((content, q) => [
      { id: `q${q}a`, content },
      { id: `q${q}b`, content },
    ]);
    const before = chatCalls();
    const jobId = await submit(asked);
    const { summary, items } = await completed(jobId);
    expect(chatCalls() - before).toBe(5);
    expect(items.every((item) => item.status === 'answered' && (item.answer ?? '').length > 0)).toBe(true);
    const coalesced = items.filter((item) => item.cache.kind === 'coalesced');
    expect(coalesced).toHaveLength(5);
    // Each repeat got its twin's answer, and says where it came from.
    for (const item of coalesced) {
      const twin = items.find((other) => other.id !== item.id && other.id.slice(0, -1) === item.id.slice(0, -1))!;
      expect(twin.cache.outcome).toBe('miss');
      expect(item.answer).toBe(twin.answer);
      expect(item.cache.source).toBe(`${jobId}:${twin.id}`);
    }
    expect(summary).toMatchObject({ items: 10, answered: 10, providerCalls: 5, cacheHits: 5 });
    const stats = (await (await fetch(`${harness.api.url}/v1/cache/stats`, { headers: auth(keys.alice) })).json()) as {
      coalescedHits: number;
      misses: number;
      lookups: number;
    };
    expect(stats).toMatchObject({ coalescedHits: 5, misses: 5, lookups: 10 });
  }, 120_000);

  it('two jobs asking the same 3 questions at the same time (on two worker replicas) make 3 provider calls', async () => {
    const asked = questions('beta', 3).map((content, q) => ({ id: `q${q}`, content }));
    const before = chatCalls();
    const [first, second] = await Promise.all([submit(asked), submit(asked)]);
    const results = await Promise.all([completed(first), completed(second)]);
    expect(chatCalls() - before).toBe(3);
    const all = results.flatMap((r) => r.items);
    expect(all).toHaveLength(6);
    expect(all.filter((item) => item.cache.outcome === 'miss')).toHaveLength(3);
    // The others waited for the call in flight (or, if it had just finished, found its entry).
    expect(all.filter((item) => item.cache.outcome === 'hit')).toHaveLength(3);
    expect(all.filter((item) => item.cache.kind === 'coalesced').length).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
