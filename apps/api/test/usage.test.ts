import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, keys, startPlatform, type PlatformHarness } from './fixtures/platform-harness';

let platform: PlatformHarness;
beforeAll(async () => {
  platform = await startPlatform('usage');
});
afterAll(() => platform.close());

interface UsageBody {
  days: { date: string; model: string; jobType: string; requests: number; inputTokens: number; outputTokens: number; costUsd: string }[];
  totals: { requests: number; inputTokens: number; costUsd: string };
}

async function usage(key: string, query = ''): Promise<{ status: number; body: UsageBody }> {
  const response = await fetch(`${platform.api.url}/v1/usage${query}`, { headers: auth(key) });
  return { status: response.status, body: (await response.json()) as UsageBody };
}

describe('GET /v1/usage', () => {
  it("reports the caller's provider usage by day, model and job type, once per call, and nothing of others'", async () => {
    const call = (key: string) =>
      platform.services.llm.chat(
        { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'What is a vector database?' }], max_tokens: 50 },
        { tenant: 'alice', jobType: 'inference', idempotencyKey: key },
      );
    await call('usage-test-1');
    await call('usage-test-2');
    await call('usage-test-1'); // a replay of the same logical call adds nothing

    const mine = await usage(keys.alice);
    expect(mine.status).toBe(200);
    expect(mine.body.totals.requests).toBe(2);
    expect(mine.body.days).toEqual([expect.objectContaining({ model: 'gpt-4o-mini', jobType: 'inference', requests: 2 })]);
    expect(mine.body.totals.inputTokens).toBeGreaterThan(0);
    expect(Number(mine.body.totals.costUsd)).toBeGreaterThan(0);

    const theirs = await usage(keys.bob);
    expect(theirs.body.totals.requests).toBe(0);

    const metrics = await (await fetch(`${platform.api.url}/metrics`)).text();
    expect(metrics).toMatch(/llmops_llm_requests_total\{tenant="alice",model="gpt-4o-mini",job_type="inference"\} 2/);
  });

  it('names a bad date range', async () => {
    const bad = await fetch(`${platform.api.url}/v1/usage?from=yesterday`, { headers: auth(keys.alice) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/query\.from/);
    const inverted = await usage(keys.alice, '?from=2026-02-01&to=2026-01-01');
    expect(inverted.status).toBe(400);
  });
});
