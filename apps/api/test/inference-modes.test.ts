import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@llmops/testing';
import { auth, json, keys, redisUrl, startPlatform, type PlatformHarness } from './fixtures/platform-harness';
import { bullPrefix, platformCatalog } from '@llmops/contracts';

let harness: PlatformHarness;
beforeAll(async () => {
  harness = await startPlatform('inference-modes', { simulator: { batchDelayMs: 300 } });
  await harness.startWorker();
}, 60_000);
afterAll(() => harness?.close());

type ItemResult = {
  id: string;
  status: string;
  answer?: string;
  cache: { outcome: string; kind?: string };
  documents: { documentId: string }[];
  costNanoUsd: string;
};

async function post(path: string, key: string, body: unknown) {
  const response = await fetch(`${harness.api.url}${path}`, { method: 'POST', headers: json(key), body: JSON.stringify(body) });
  const payload = (await response.json()) as Record<string, unknown>;
  expect(response.status, JSON.stringify(payload)).toBeLessThan(300);
  return payload;
}

const completed = (id: string) =>
  waitFor(
    async () => {
      const view = (await (await fetch(`${harness.api.url}/v1/jobs/${id}`, { headers: auth(keys.alice) })).json()) as {
        state: string;
        error: string | null;
        result: Record<string, unknown>;
      };
      if (view.state === 'failed') throw new Error(`job failed: ${view.error}`);
      return view.state === 'completed' ? view : undefined;
    },
    { what: `job ${id}`, timeoutMs: 90_000 },
  );

async function results(id: string): Promise<ItemResult[]> {
  const page = (await (await fetch(`${harness.api.url}/v1/inference/${id}/results?limit=1000`, { headers: auth(keys.alice) })).json()) as {
    items: ItemResult[];
  };
  return page.items;
}

const ask = (id: string, content: string) => ({ id, messages: [{ role: 'user', content }] });
const infer = (body: Record<string, unknown>) => post('/v1/inference', keys.alice, { model: 'gpt-4o-mini', ...body }).then((r) => String(r.id));

describe('inference modes', () => {
  it('grounds answers in a collection, cites the chunks, and drops the cached answer when a cited document changes', async () => {
    const docs = [
      { id: 'leave', text: 'Employees get 28 days of paid leave per year. Leave requests go to the line manager.' },
      { id: 'travel', text: 'Travel above 500 euros needs approval from finance before booking.' },
    ];
    await completed(String((await post('/v1/collections/handbook/documents', keys.alice, { documents: docs })).id));
    const rag = { collection: 'handbook', topK: 2, maxContextTokens: 200 };
    const first = await infer({ items: [ask('q', 'How many days of paid leave do employees get?')], rag });
    await completed(first);
    const [answer] = await results(first);
    expect(answer?.status).toBe('answered');
    expect(answer?.documents.map((d) => d.documentId)).toContain('leave');
    const prompt = harness.simulator.log
      .list()
      .filter((e) => e.path.endsWith('/chat/completions'))
      .at(-1);
    expect(JSON.stringify(prompt?.body)).toContain('28 days of paid leave');

    const again = await infer({ items: [ask('q', 'How many days of paid leave do employees get?')], rag });
    await completed(again);
    expect((await results(again))[0]?.cache.outcome).toBe('hit');

    await completed(
      String(
        (await post('/v1/collections/handbook/documents', keys.alice, { documents: [{ id: 'leave', text: 'Employees get 30 days of paid leave per year.' }] }))
          .id,
      ),
    );
    // The worker reads the documents-changed stream every 2 s; the entry citing "leave" goes.
    await waitFor(
      async () => {
        const stats = (await (await fetch(`${harness.api.url}/v1/cache/stats`, { headers: auth(keys.alice) })).json()) as { entriesInvalidated: number };
        return stats.entriesInvalidated >= 1;
      },
      { what: 'invalidation', timeoutMs: 30_000 },
    );
    const third = await infer({ items: [ask('q', 'How many days of paid leave do employees get?')], rag });
    await completed(third);
    expect((await results(third))[0]?.cache.outcome).toBe('miss');
  }, 120_000);

  it('runs misses through the Batch API in batch mode', async () => {
    const items = Array.from({ length: 12 }, (_, i) => ask(`b${i}`, `Name a colour that rhymes with word number ${i}`));
    const id = await infer({ model: 'gpt-4.1-mini', items, mode: 'batch', cache: { mode: 'exact', threshold: 1 } });
    const view = await completed(id);
    expect(view.result).toMatchObject({ items: 12, answered: 12, providerCalls: 12 });
    const lines = harness.simulator.log.list().filter((e) => e.batchId !== null && e.model === 'gpt-4.1-mini');
    expect(lines.length).toBe(12);
    expect((await results(id)).every((r) => r.status === 'answered' && (r.answer ?? '').length > 0)).toBe(true);
  }, 60_000);

  it('warms the cache from queries, so the first real ask is a hit', async () => {
    const query = 'What are the opening hours of the Lisbon office';
    const warm = String((await post('/v1/cache/warm', keys.alice, { model: 'gpt-4o-mini', queries: [query] })).id);
    await completed(warm);
    const id = await infer({ items: [ask('w', query)], cache: { mode: 'exact', threshold: 1 } });
    await completed(id);
    expect((await results(id))[0]?.cache.outcome).toBe('hit');
  }, 60_000);

  it('schedules warming per tenant when enabled, re-answering frequent misses that left the cache', async () => {
    const query = 'List the fire exits of building seven';
    const first = await infer({ items: [ask('m', query)] });
    await completed(first);
    const redis = new Redis(redisUrl);
    try {
      // The answer expires (simulated): the miss is still counted, so warming brings it back.
      for (const key of await redis.keys(`${harness.prefix}:cache:e:*`)) await redis.del(key);
      await post('/v1/cache/warming', keys.alice, { enabled: true, every: 60_000, topN: 5 });
      const queue = new Queue('cache-warm-tick', { connection: redis, prefix: bullPrefix(harness.prefix, platformCatalog['cache-warm-tick']) });
      // The route writes the scheduler itself: it is there when the answer arrives.
      expect((await queue.getJobSchedulers()).map((s) => s.key)).toContain('warm:alice');
      await waitFor(async () => (await queue.getCompletedCount()) >= 1, { what: 'warming tick', timeoutMs: 30_000 });
      await post('/v1/cache/warming', keys.alice, { enabled: false });
      expect((await queue.getJobSchedulers()).map((s) => s.key)).not.toContain('warm:alice');
      await queue.close();
    } finally {
      redis.disconnect();
    }
    const id = await infer({ items: [ask('m', query)], cache: { mode: 'exact', threshold: 1 } });
    await completed(id);
    expect((await results(id))[0]?.cache.outcome).toBe('hit');
  }, 90_000);
});
