import { Queue } from 'bullmq';
import parsePrometheusTextFormat, { type PrometheusFamily } from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@llmops/testing';
import { adminToken } from './fixtures/harness';
import { auth, json, keys, startPlatform, type PlatformHarness } from './fixtures/platform-harness';
import { bullPrefix, platformCatalog } from '@llmops/contracts';

let h: PlatformHarness;
let inference: Queue;
beforeAll(async () => {
  h = await startPlatform('obs-metrics', { env: { ADMIN_TOKEN: adminToken } });
  await h.startWorker({ WORKER_ID: 'obs-1' });
  inference = new Queue('inference', { connection: h.redis, prefix: bullPrefix(h.prefix, platformCatalog.inference) });
});
afterAll(async () => {
  await inference?.close();
  await h?.close();
});

interface Scrape {
  families: PrometheusFamily[];
  text: string;
}

async function scrape(): Promise<Scrape> {
  const response = await fetch(`${h.api.url}/metrics`);
  expect(response.status).toBe(200);
  const text = await response.text();
  // The parser throws on any line that is not valid text exposition.
  return { families: parsePrometheusTextFormat(text), text };
}

/** The value of a counter or gauge sample; undefined when the family or the labelled sample is missing. */
function sample({ families }: Scrape, name: string, labels: Record<string, string>): number | undefined {
  const family = families.find((candidate) => candidate.name === name);
  const found = family?.metrics.find((metric) => Object.entries(labels).every(([label, value]) => metric.labels?.[label] === value));
  return found?.value === undefined ? undefined : Number(found.value);
}

/**
 * A histogram series' `_count` or one `_bucket` (with `le`), read from the text: the parser folds every
 * series of a labelled histogram into one and drops their labels, so it cannot tell them apart.
 */
function histogram({ text }: Scrape, name: string, labels: Record<string, string>, suffix = '_count'): number | undefined {
  const wanted = Object.entries(labels).map(([label, value]) => `${label}="${value}"`);
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}${suffix}{`) && wanted.every((pair) => candidate.includes(pair)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

async function submit(items: number, prefix: string): Promise<string> {
  const body = {
    model: 'gpt-4o-mini',
    parameters: { temperature: 0 },
    items: Array.from({ length: items }, (_, i) => ({ id: `i${i}`, messages: [{ role: 'user', content: `${prefix}: describe pump ${i}` }] })),
  };
  const response = await fetch(`${h.api.url}/v1/inference`, { method: 'POST', headers: json(keys.alice), body: JSON.stringify(body) });
  const reply = (await response.json()) as { id: string };
  expect(response.status, JSON.stringify(reply)).toBe(202);
  return reply.id;
}

const state = async (id: string) => ((await (await fetch(`${h.api.url}/v1/jobs/${id}`, { headers: auth(keys.alice) })).json()) as { state: string }).state;
const reaches = (id: string, wanted: string) => waitFor(async () => (await state(id)) === wanted, { what: `job ${wanted}`, timeoutMs: 60_000 });

describe('/metrics from prom-client collectors', () => {
  it('parses whole and carries every family the dashboards use, with the figures of a real run', async () => {
    const id = await submit(3, 'first run');
    await reaches(id, 'completed');
    // Same prompts again: answered from the cache.
    await reaches(await submit(3, 'first run'), 'completed');
    const metrics = await scrape();
    const names = metrics.families.map((family) => family.name);
    for (const name of [
      'llmops_queue_jobs',
      'llmops_queue_oldest_waiting_seconds',
      'llmops_queue_paused',
      'llmops_job_duration_seconds',
      'llmops_http_request_duration_seconds',
      'llmops_llm_requests_total',
      'llmops_llm_input_tokens_total',
      'llmops_llm_cost_usd_total',
      'llmops_llm_call_events_total',
      'llmops_llm_call_wait_seconds_total',
      'llmops_cache_lookups_total',
      'llmops_cache_hits_total',
      'llmops_cache_saved_usd_total',
      'llmops_limit_refusals_total',
      'llmops_budget_remaining',
      'llmops_queue_wait_seconds',
    ]) {
      expect(names, name).toContain(name);
    }
    expect(sample(metrics, 'llmops_queue_jobs', { queue: 'inference', state: 'completed' })).toBe(2);
    expect(sample(metrics, 'llmops_llm_requests_total', { tenant: 'alice', model: 'gpt-4o-mini', job_type: 'inference' })).toBe(3);
    expect(sample(metrics, 'llmops_cache_lookups_total', { tenant: 'alice' })).toBe(6);
    expect(histogram(metrics, 'llmops_job_duration_seconds', { queue: 'inference', outcome: 'completed' })).toBe(2);
    // Read from Redis, it keeps the text format's shape: cumulative buckets ending at +Inf = count.
    expect(histogram(metrics, 'llmops_job_duration_seconds', { queue: 'inference', outcome: 'completed', le: '+Inf' }, '_bucket')).toBe(2);
    expect(histogram(metrics, 'llmops_queue_wait_seconds', { queue: 'inference', tenant: 'alice' })).toBe(2);
  });

  it('shows the oldest waiting job getting older while its queue is paused', async () => {
    await inference.pause();
    try {
      const id = await submit(1, 'paused');
      const first = await scrape();
      expect(sample(first, 'llmops_queue_paused', { queue: 'inference' })).toBe(1);
      const before = sample(first, 'llmops_queue_oldest_waiting_seconds', { queue: 'inference' })!;
      expect(before).toBeGreaterThan(0);
      const later = await waitFor(
        async () => {
          const age = sample(await scrape(), 'llmops_queue_oldest_waiting_seconds', { queue: 'inference' })!;
          return age > before ? age : undefined;
        },
        { what: 'an older oldest job' },
      );
      expect(later).toBeGreaterThan(before);
      // A newer job behind it does not make the queue look younger.
      const second = await submit(1, 'paused too');
      expect(sample(await scrape(), 'llmops_queue_oldest_waiting_seconds', { queue: 'inference' })).toBeGreaterThanOrEqual(later);
      expect(await state(id)).toBe('waiting');
      await inference.resume();
      await reaches(id, 'completed');
      await reaches(second, 'completed');
      const after = await scrape();
      expect(sample(after, 'llmops_queue_oldest_waiting_seconds', { queue: 'inference' })).toBe(0);
      expect(sample(after, 'llmops_queue_paused', { queue: 'inference' })).toBe(0);
    } finally {
      await inference.resume();
    }
  });

  it('counts a cancelled job as cancelled, not failed, in the depth gauge and in attempt durations', async () => {
    // A slow provider keeps the job running long enough to cancel it.
    h.simulator.configure({ latencyMs: 1_000 });
    const cancelled = await submit(20, 'to cancel');
    await reaches(cancelled, 'active');
    const reply = await fetch(`${h.api.url}/v1/jobs/${cancelled}`, { method: 'DELETE', headers: auth(keys.alice) });
    expect(reply.status).toBe(202);
    await reaches(cancelled, 'cancelled');

    // A real failure beside it: the provider refuses every call for good (no credit).
    h.simulator.configure({ latencyMs: 0, quotaExhausted: true });
    const failed = await submit(1, 'no credit');
    await reaches(failed, 'failed');
    h.simulator.configure({ quotaExhausted: false });

    const metrics = await waitFor(
      async () => {
        const current = await scrape();
        return sample(current, 'llmops_queue_jobs', { queue: 'inference', state: 'cancelled' }) === 1 ? current : undefined;
      },
      { what: 'the cancellation in llmops_queue_jobs' },
    );
    expect(sample(metrics, 'llmops_queue_jobs', { queue: 'inference', state: 'failed' })).toBe(1);
    expect(histogram(metrics, 'llmops_job_duration_seconds', { queue: 'inference', outcome: 'cancelled' })).toBe(1);
    expect(histogram(metrics, 'llmops_job_duration_seconds', { queue: 'inference', outcome: 'failed' })).toBe(1);

    // Bull Board lists both under "failed" (BullMQ's set), and names the cancelled one as such.
    const board = await fetch(`${h.api.url}/admin/queues/api/queues?activeQueue=inference&status=failed`, {
      headers: { Authorization: `Bearer ${adminToken}` },
    });
    const listed = ((await board.json()) as { queues: { name: string; jobs: { id: string; name: string }[] }[] }).queues.find(
      (queue) => queue.name === 'inference',
    )!.jobs;
    expect(listed.find((job) => job.id === cancelled)?.name).toBe('inference (cancelled by its owner)');
    expect(listed.find((job) => job.id === failed)?.name).toBe('inference');
  });
});
