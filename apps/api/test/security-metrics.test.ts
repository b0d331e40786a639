import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordUsageCounters } from '@llmops/services';
import { startHarness, type Harness } from './fixtures/harness';
import { startPlatform, type PlatformHarness } from './fixtures/platform-harness';

const token = 'metrics-token-0123456789';
// A model name built to break a hand-written exposition: it closes the label, starts a new line
// with a sample of its own, and ends with a backslash.
const hostileModel = 'gpt"} 1\nllmops_injected_total{tenant="bob"} 999\n\\';

describe('/metrics with METRICS_TOKEN', () => {
  let h: PlatformHarness;
  beforeAll(async () => {
    h = await startPlatform('metrics', { env: { METRICS_TOKEN: token } });
    const usage = { requests: 1, inputTokens: 10, outputTokens: 5, costNanoUsd: 1_500n, idempotencyKey: 'k1', at: new Date(), date: '2026-01-01' };
    await recordUsageCounters(h.redis, h.prefix, { tenant: 'alice', model: hostileModel, jobType: 'inference"\nx', ...usage });
  });
  afterAll(() => h.close());

  it('refuses a scrape without the token, or with another one', async () => {
    const anonymous = await fetch(`${h.api.url}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await anonymous.text()).not.toMatch(/alice|llmops_/);
    expect((await fetch(`${h.api.url}/metrics`, { headers: { Authorization: 'Bearer not-the-token-at-all' } })).status).toBe(401);
  });

  it('serves an exposition a Prometheus parser reads whole, with hostile label values intact and nothing injected', async () => {
    const response = await fetch(`${h.api.url}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const families = parsePrometheusTextFormat(await response.text());
    expect(families.map((family) => family.name)).not.toContain('llmops_injected_total');
    const requests = families.find((family) => family.name === 'llmops_llm_requests_total');
    expect(requests?.metrics).toContainEqual(
      expect.objectContaining({ labels: { tenant: 'alice', model: hostileModel, job_type: 'inference"\nx' }, value: '1' }),
    );
    // The families moved to prom-client collectors and the hand-written ones are all there.
    for (const name of ['llmops_queue_jobs', 'llmops_job_duration_seconds', 'llmops_cache_lookups_total', 'llmops_http_request_duration_seconds']) {
      expect(families.map((family) => family.name)).toContain(name);
    }
    const depth = families.find((family) => family.name === 'llmops_queue_jobs');
    expect(depth?.metrics).toContainEqual({ labels: { queue: 'inference', state: 'waiting' }, value: '0' });
  });
});

describe('/metrics without METRICS_TOKEN', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('metrics-open');
  });
  afterAll(() => h.close());

  it('is open (the README says production should set the token)', async () => {
    const response = await fetch(`${h.api.url}/metrics`);
    expect(response.status).toBe(200);
    expect(parsePrometheusTextFormat(await response.text()).map((family) => family.name)).toContain('llmops_queue_jobs');
  });
});
