import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readUsage } from '@llmops/llm';
import { dumpValues, waitFor } from '@llmops/testing';
import { auth, json, keys, redisUrl, startPlatform, type PlatformHarness } from './fixtures/platform-harness';

let harness: PlatformHarness;
let workerOutput = '';
beforeAll(async () => {
  harness = await startPlatform('inference', { simulator: { latencyMs: 5 } });
  // Debug logs on, so the test can show the canary never reaches them.
  const worker = await harness.startWorker({ LOG_LEVEL: 'debug', WORKER_LOCK_MS: '3000' });
  worker.stdout?.on('data', (chunk: Buffer) => (workerOutput += chunk.toString()));
  worker.stderr?.on('data', (chunk: Buffer) => (workerOutput += chunk.toString()));
}, 60_000);
afterAll(() => harness?.close());

type Item = { id: string; messages: { role: 'system' | 'user'; content: string }[] };
type ItemResult = {
  id: string;
  index: number;
  status: string;
  answer?: string;
  cache: { outcome: string; kind?: string; similarity?: number };
  costNanoUsd: string;
};

async function submit(key: string, body: Record<string, unknown>) {
  const response = await fetch(`${harness.api.url}/v1/inference`, {
    method: 'POST',
    headers: json(key),
    body: JSON.stringify({ model: 'gpt-4o-mini', parameters: { temperature: 0 }, ...body }),
  });
  const payload = (await response.json()) as { id: string };
  expect(response.status, JSON.stringify(payload)).toBe(202);
  return payload.id;
}

async function job(key: string, id: string) {
  const response = await fetch(`${harness.api.url}/v1/jobs/${id}`, { headers: auth(key) });
  return (await response.json()) as { state: string; result: Record<string, unknown> | null; results: { count: number }; error: string | null };
}

const completed = (key: string, id: string) =>
  waitFor(
    async () => {
      const view = await job(key, id);
      if (view.state === 'failed') throw new Error(`job failed: ${view.error}`);
      return view.state === 'completed' ? view : undefined;
    },
    { what: `job ${id} completed`, timeoutMs: 120_000 },
  );

async function allResults(key: string, id: string, limit = 100): Promise<{ items: ItemResult[]; pages: number }> {
  const items: ItemResult[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const query: string = cursor ? `?limit=${limit}&cursor=${cursor}` : `?limit=${limit}`;
    const response = await fetch(`${harness.api.url}/v1/inference/${id}/results${query}`, { headers: auth(key) });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { items: ItemResult[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor);
  return { items, pages };
}

const ask = (id: string, content: string): Item => ({ id, messages: [{ role: 'user', content }] });
const chatCalls = () => harness.simulator.log.list().filter((entry) => entry.path.endsWith('/chat/completions')).length;

describe('batched inference', () => {
  it('answers 300 items, repeats and light rephrasings from the cache, results page by page', async () => {
    const topics = Array.from({ length: 210 }, (_, i) => `Summarise the maintenance log of pump station ${i} in district ${i % 7} for the weekly report`);
    // 90 of 300 (30%) repeat earlier prompts: a third exactly, a third re-cased/re-spaced, a third lightly rephrased.
    const repeats = Array.from({ length: 90 }, (_, i) => {
      const base = topics[i]!;
      return i % 3 === 0 ? base : i % 3 === 1 ? `  ${base.toUpperCase()}  ` : `${base}, please.`;
    });
    const items = [...topics, ...repeats].map((content, i) => ask(`i${i}`, content));
    const before = chatCalls();
    const id = await submit(keys.alice, { items });
    const view = await completed(keys.alice, id);
    const { items: results, pages } = await allResults(keys.alice, id, 50);

    expect(results.map((r) => r.id)).toEqual(items.map((i) => i.id));
    expect(pages).toBe(6);
    expect(results.every((r) => r.status === 'answered' && (r.answer ?? '').length > 0)).toBe(true);
    const hits = results.filter((r) => r.cache.outcome === 'hit');
    expect(hits.length).toBeGreaterThanOrEqual(85);
    expect(hits.every((r) => Number(r.index) >= 210)).toBe(true);
    const calls = chatCalls() - before;
    console.log(`300 items, 30% repeated: provider chat calls ${calls}, cache hits ${hits.length}, summary ${JSON.stringify(view.result)}`);
    expect(calls).toBeLessThanOrEqual(215);
    expect(view.result).toMatchObject({ items: 300, answered: 300, cacheHits: hits.length, providerCalls: 300 - hits.length });
    expect(Number((view.result as { savedUsd: string }).savedUsd)).toBeGreaterThan(0);

    const stats = (await (await fetch(`${harness.api.url}/v1/cache/stats`, { headers: auth(keys.alice) })).json()) as {
      exactHits: number;
      semanticHits: number;
      hitRate: number;
    };
    expect(stats.exactHits + stats.semanticHits).toBeGreaterThanOrEqual(hits.length);
    const metrics = await (await fetch(`${harness.api.url}/metrics`)).text();
    const exported =
      Number(/llmops_cache_hits_total\{tenant="alice",kind="exact"\} (\d+)/.exec(metrics)?.[1]) +
      Number(/llmops_cache_hits_total\{tenant="alice",kind="semantic"\} (\d+)/.exec(metrics)?.[1]);
    expect(exported).toBe(stats.exactHits + stats.semanticHits);
    expect(metrics).toMatch(/llmops_cache_saved_usd_total\{tenant="alice"\} 0\.\d*[1-9]/);
  }, 180_000);

  it('keeps a PII canary out of Redis, logs, the provider and the cache, and restores it only for its owner', async () => {
    const canary = 'canary.zq7@example.com';
    const prompt = (email: string) => `Draft a short reply to ${email} confirming the invoice was received.`;
    const first = await submit(keys.alice, { items: [ask('a', prompt(canary))] });
    await completed(keys.alice, first);
    const [owner] = (await allResults(keys.alice, first)).items;
    expect(owner?.answer).toContain(canary);

    // Another user of the tenant, another address: a cache hit, answered with THEIR address.
    const other = 'second.user@example.org';
    const second = await submit(keys.alice, { items: [ask('b', prompt(other))] });
    await completed(keys.alice, second);
    const [theirs] = (await allResults(keys.alice, second)).items;
    expect(theirs?.cache.outcome).toBe('hit');
    expect(theirs?.answer).toContain(other);
    expect(theirs?.answer).not.toContain(canary);

    const everything = await dumpValues(redisUrl, harness.prefix);
    expect(everything).toContain('<EMAIL_1>');
    expect(everything).not.toContain(canary);
    expect(everything).not.toContain(other);
    expect(JSON.stringify(harness.simulator.log.list())).not.toContain(canary);
    expect(workerOutput.length).toBeGreaterThan(0);
    expect(workerOutput).not.toContain(canary);
  }, 60_000);

  it("never answers tenant B from tenant A's cache", async () => {
    const content = 'Explain the retention policy of project nightingale archive';
    const a = await submit(keys.alice, { items: [ask('x', content)] });
    await completed(keys.alice, a);
    const again = await submit(keys.alice, { items: [ask('x', content)] });
    await completed(keys.alice, again);
    expect((await allResults(keys.alice, again)).items[0]?.cache.outcome).toBe('hit');

    const b = await submit(keys.bob, { items: [ask('x', content)] });
    await completed(keys.bob, b);
    expect((await allResults(keys.bob, b)).items[0]?.cache.outcome).toBe('miss');
    const bobStats = (await (await fetch(`${harness.api.url}/v1/cache/stats`, { headers: auth(keys.bob) })).json()) as {
      exactHits: number;
      semanticHits: number;
    };
    expect(bobStats.exactHits + bobStats.semanticHits).toBe(0);
    // Someone else's job is a 404, even on the restoring results route.
    expect((await fetch(`${harness.api.url}/v1/inference/${a}/results`, { headers: auth(keys.bob) })).status).toBe(404);
  }, 60_000);

  it('loses no item and bills none twice when the worker is SIGKILLed mid-job', async () => {
    const model = 'gpt-4.1-nano'; // a model no other test uses, so its ledger rows are this job's
    harness.simulator.configure({ latencyMs: 150 });
    const items = Array.from({ length: 120 }, (_, i) => ask(`k${i}`, `Write a haiku about the number ${i}`));
    const id = await submit(keys.alice, { model, items, cache: { mode: 'off', threshold: 0.9 } });
    await waitFor(async () => (await job(keys.alice, id)).results.count >= 30, { what: 'some items done', timeoutMs: 60_000 });
    await harness.killWorkers();
    const doneAtKill = (await job(keys.alice, id)).results.count;
    expect(doneAtKill).toBeLessThan(120);
    harness.simulator.configure({ latencyMs: 5 });
    await harness.startWorker({ WORKER_ID: 'after-kill', WORKER_LOCK_MS: '3000' });
    const view = await completed(keys.alice, id);
    expect(view.result).toMatchObject({ items: 120, answered: 120 });
    const { items: results } = await allResults(keys.alice, id);
    expect(new Set(results.map((r) => r.id)).size).toBe(120);

    const today = new Date().toISOString().slice(0, 10);
    const usage = await readUsage(harness.redis, { tenant: 'alice', from: today, to: today, keyPrefix: `${harness.prefix}:llm` });
    const billed = usage.days.filter((row) => row.model === model).reduce((sum, row) => sum + row.requests, 0);
    const sent = harness.simulator.log.list().filter((e) => e.model === model && e.path.endsWith('/chat/completions')).length;
    console.log(`SIGKILL after ${doneAtKill}/120 results: provider saw ${sent} chat calls, ledger billed ${billed}`);
    expect(billed).toBe(120);
  }, 180_000);

  it('rejects a bad body naming the field, and enqueues nothing', async () => {
    const response = await fetch(`${harness.api.url}/v1/inference`, {
      method: 'POST',
      headers: json(keys.alice),
      body: JSON.stringify({ model: 'gpt-4o-mini', items: [ask('same', 'a'), ask('same', 'b')], cache: { mode: 'fuzzy' } }),
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toContain('body.items.1.id');
    expect(text).toContain('body.cache.mode');
  });
});
