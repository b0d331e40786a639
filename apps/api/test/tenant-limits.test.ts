import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readUsage } from '@llmops/llm';
import { usdStringToNano } from '@llmops/tokens';
import { waitFor } from '@llmops/testing';
import { auth, json, keys, startPlatform, type PlatformHarness } from './fixtures/platform-harness';
import { bullPrefix, platformCatalog } from '@llmops/contracts';

// Per-tenant limits through the real API and a real worker process (TENANT_LIMITS):
// carol has a $0.05 daily budget, dave may have 3 jobs at once and 40 kB of waiting work,
// erin's request rate is 6 requests then ~nothing, shared by every API replica.
const tenants = { carol: 'carol-key-0123456789', dave: 'dave-key-0123456789', erin: 'erin-key-0123456789' };
const TENANT_LIMITS = JSON.stringify({
  carol: { budget: { day: { usd: '0.05' } } },
  dave: { concurrency: { maxJobs: 3 }, storage: { maxWaitingBytes: 40_000 } },
  erin: { rate: { perSecond: 0.001, burst: 6 } },
});

let harness: PlatformHarness;
let inferenceQueue: Queue;
let evaluationQueue: Queue;
beforeAll(async () => {
  harness = await startPlatform('tenant-limits', { env: { TENANT_LIMITS }, tenants, simulator: { latencyMs: 5 } });
  inferenceQueue = new Queue('inference', { connection: harness.redis, prefix: bullPrefix(harness.prefix, platformCatalog.inference) });
  evaluationQueue = new Queue('evaluation', { connection: harness.redis, prefix: bullPrefix(harness.prefix, platformCatalog.evaluation) });
}, 60_000);
afterAll(async () => {
  await inferenceQueue?.close();
  await evaluationQueue?.close();
  await harness?.close();
});

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };
const post = async (key: string, path: string, body: unknown) => {
  const response = await fetch(`${harness.api.url}${path}`, { method: 'POST', headers: json(key), body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { id: string } & ErrorBody & { jobs?: { id: string }[] } };
};
const view = async (key: string, id: string) =>
  (await (await fetch(`${harness.api.url}/v1/jobs/${id}`, { headers: auth(key) })).json()) as {
    state: string;
    error: { code?: string; message: string } | null;
  };
const ended = (key: string, id: string) =>
  waitFor(
    async () => {
      const job = await view(key, id);
      return ['completed', 'failed', 'cancelled'].includes(job.state) ? job : undefined;
    },
    { what: `job ${id} ended`, timeoutMs: 120_000 },
  );
const counts = async () => {
  const all = await Promise.all([inferenceQueue, evaluationQueue].map((queue) => queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active')));
  return all.map((byState) => Object.values(byState).reduce((sum, n) => sum + n, 0));
};
const inference = (tag: string, items: number, maxTokens: number, extra: Record<string, unknown> = {}) => ({
  model: 'gpt-4o-mini',
  parameters: { temperature: 0, max_tokens: maxTokens },
  cache: { mode: 'off', threshold: 0.95 },
  items: Array.from({ length: items }, (_, i) => ({
    id: `${tag}-${i}`,
    messages: [{ role: 'user', content: `Question ${i} of ${tag}: summarise the pump log.` }],
  })),
  ...extra,
});

describe('tenant limits (no worker yet: jobs wait)', () => {
  it('refuses the 215 KB amplification request (5,000 cases x 20 samples x 20 judges) with 413 naming the cap, and enqueues nothing', async () => {
    const body = {
      cases: Array.from({ length: 5_000 }, (_, i) => ({ id: `c${i}`, input: `q${i}` })),
      generate: { model: 'gpt-4o-mini' },
      samples: 20,
      graders: Array.from({ length: 20 }, (_, i) => ({ type: 'rubric', rubric: { name: `r${i}`, criteria: 'is it right', reference: 'none' } })),
    };
    expect(JSON.stringify(body).length).toBeGreaterThan(150_000);
    const before = await counts();
    const response = await post(keys.alice, '/v1/evaluations', body);
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('work_too_large');
    expect(response.body.error.details).toMatchObject({ limit: 'work.maxCallsPerJob', cap: 50_000, requested: 2_100_000 });
    expect(response.body.error.message).toContain('5000 cases x 20 samples x (1 generation + 20 judge calls)');
    expect(await counts()).toEqual(before);
  });

  it('holds a tenant to its jobs at once (429 + Retry-After, limit named) and gives the slot back on cancel', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const accepted = await post(tenants.dave, '/v1/inference', inference(`dave${i}`, 2, 20));
      expect(accepted.status).toBe(202);
      ids.push(accepted.body.id);
    }
    const before = await counts();
    const refused = await post(tenants.dave, '/v1/inference', inference('dave3', 2, 20));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused.body.error.details).toMatchObject({ limit: 'concurrency.maxJobs', cap: 3, current: 3, requested: 1 });
    expect(await counts()).toEqual(before);
    expect((await fetch(`${harness.api.url}/v1/jobs/${ids[0]}`, { method: 'DELETE', headers: auth(tenants.dave) })).status).toBe(200);
    expect((await post(tenants.dave, '/v1/inference', inference('dave4', 2, 20))).status).toBe(202);
  });

  it('caps the bytes of waiting work per tenant', async () => {
    // dave's 3 slots are full: free them first, so only the byte limit can refuse.
    const limits = (await (await fetch(`${harness.api.url}/v1/limits`, { headers: auth(tenants.dave) })).json()) as { storage: { maxWaitingBytes: number } };
    expect(limits.storage.maxWaitingBytes).toBe(40_000);
    for (const job of await inferenceQueue.getJobs(['waiting', 'prioritized'])) {
      if ((job.data as { tenant: string }).tenant === 'dave')
        await fetch(`${harness.api.url}/v1/jobs/${job.id}`, { method: 'DELETE', headers: auth(tenants.dave) });
    }
    const big = inference('dave-big', 400, 20);
    const refused = await post(tenants.dave, '/v1/inference', big);
    expect(refused.status).toBe(429);
    expect(refused.body.error.details).toMatchObject({ limit: 'storage.maxWaitingBytes', cap: 40_000 });
  });

  it('shares one request rate across API replicas: 429 with Retry-After and the limit name', async () => {
    const replica = await harness.startApiReplica();
    const get = (url: string) => fetch(`${url}/v1/jobs`, { headers: auth(tenants.erin) });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await get(i % 2 === 0 ? harness.api.url : replica.url)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    for (const url of [harness.api.url, replica.url]) {
      const limited = await get(url);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await limited.json()) as ErrorBody).error).toMatchObject({ code: 'rate_limited', details: { limit: 'rate' } });
    }
    // Other tenants are not slowed by erin's limit.
    expect((await fetch(`${harness.api.url}/v1/jobs`, { headers: auth(keys.bob) })).status).toBe(200);
  });
});

describe('tenant limits with a worker', () => {
  beforeAll(async () => {
    await harness.startWorker({ WORKER_CONCURRENCY: '4' });
  }, 60_000);

  it('budget: of concurrent jobs whose estimates fit alone but not together, the extra ones get 402 with the numbers; spend stays under the budget', async () => {
    // 50 items x 1,000 max output tokens of gpt-4o-mini: about $0.030 worst case each; the day's budget is $0.05.
    const submissions = await Promise.all([0, 1, 2].map((i) => post(tenants.carol, '/v1/inference', inference(`carol${i}`, 50, 1_000))));
    const accepted = submissions.filter((s) => s.status === 202);
    const refused = submissions.filter((s) => s.status === 402);
    expect(accepted).toHaveLength(1);
    expect(refused).toHaveLength(2);
    for (const { body } of refused) {
      expect(body.error.code).toBe('budget_exceeded');
      expect(body.error.details).toMatchObject({ limit: 'budget.day.usd', unit: 'usd', cap: '0.050000000' });
      const { estimate, remaining } = body.error.details as { estimate: string; remaining: string };
      expect(usdStringToNano(estimate)).toBeGreaterThan(usdStringToNano(remaining));
    }
    expect((await ended(tenants.carol, accepted[0]!.body.id)).state).toBe('completed');
  });

  it('maxCostUsd: a job that reaches it stops as failed with budget_exhausted, keeping every finished item', async () => {
    const submitted = await post(tenants.carol, '/v1/inference', inference('capped', 60, 40, { maxCostUsd: '0.0004' }));
    expect(submitted.status).toBe(202);
    const job = await ended(tenants.carol, submitted.body.id);
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe('budget_exhausted');
    const page = (await (await fetch(`${harness.api.url}/v1/inference/${submitted.body.id}/results?limit=1000`, { headers: auth(tenants.carol) })).json()) as {
      items: { status: string; answer?: string }[];
    };
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.length).toBeLessThan(60);
    expect(page.items.every((item) => item.status === 'answered' && item.answer)).toBe(true);

    // What the ledger billed carol stays within her day budget, and the capped job within its cap plus
    // at most one call's worst case per lane in flight (the bound the README states).
    const today = new Date().toISOString().slice(0, 10);
    const usage = await readUsage(harness.redis, { tenant: 'carol', from: today, to: today, keyPrefix: `${harness.prefix}:llm` });
    expect(usdStringToNano(usage.totals.costUsd)).toBeLessThanOrEqual(usdStringToNano('0.05'));
    const limits = (await (await fetch(`${harness.api.url}/v1/limits`, { headers: auth(tenants.carol) })).json()) as {
      budgets: { limit: string; spent: string; remaining: string; reserved: string }[];
    };
    const day = limits.budgets.find((line) => line.limit === 'budget.day.usd')!;
    expect(day.spent).toBe(usage.totals.costUsd);
    expect(usdStringToNano(day.remaining)).toBe(usdStringToNano('0.05') - usdStringToNano(day.spent) - usdStringToNano(day.reserved));

    const metrics = await (await fetch(`${harness.api.url}/metrics`)).text();
    expect(metrics).toMatch(/llmops_limit_refusals_total\{tenant="carol",limit="budget"\} [1-9]/);
    expect(metrics).toMatch(/llmops_budget_remaining\{tenant="carol",limit="budget.day.usd",unit="usd"\} /);
  });

  it("fair scheduling: tenant B's 3,000 waiting jobs do not hold back tenant A's one job", async () => {
    await harness.killWorkers();
    const trivial = (tag: string, i: number) => ({ cases: [{ id: `${tag}${i}`, input: 'q', output: '{}' }], graders: [{ type: 'json' }] });
    for (let batch = 0; batch < 3; batch++) {
      const flood = await post(keys.bob, '/v1/evaluations/batch', { jobs: Array.from({ length: 1_000 }, (_, i) => trivial(`b${batch}-`, i)) });
      expect(flood.status).toBe(202);
    }
    const mine = await post(keys.alice, '/v1/evaluations', trivial('a', 0));
    expect(mine.status).toBe(202);
    await harness.startWorker({ WORKER_CONCURRENCY: '4' });
    expect((await ended(keys.alice, mine.body.id)).state).toBe('completed');
    const aStarted = (await evaluationQueue.getJob(mine.body.id))!.processedOn!;
    const bStartedBefore = (await evaluationQueue.getJobs(['completed', 'active'])).filter(
      (job) => (job.data as { tenant: string }).tenant === 'bob' && job.processedOn !== undefined && job.processedOn < aStarted,
    ).length;
    console.log(`tenant A's job started after ${bStartedBefore} of tenant B's 3,000 queued jobs`);
    // Fair priorities come in groups of 16 per tenant, and 4 run at once: without fairness all 3,000 go first.
    expect(bStartedBefore).toBeLessThanOrEqual(16 + 4 + 4);
  });
});
