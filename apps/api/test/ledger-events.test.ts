import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type PlatformHarness } from './fixtures/platform-harness';
import { finished, post } from './evaluation-helpers';

// Provider retries and 429 waits inside a job are logged by the worker with the job and tenant, and
// counted fleet-wide in /metrics.
let h: PlatformHarness;
const lines: Record<string, unknown>[] = [];
beforeAll(async () => {
  h = await startPlatform('ledger-events', { simulator: { failRate429: 0.25, failRate5xx: 0.25, retryAfterMs: 30, seed: 5 } });
  const worker = await h.startWorker({ LOG_LEVEL: 'warn' });
  let buffer = '';
  worker.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const complete = buffer.split('\n');
    buffer = complete.pop() ?? '';
    for (const line of complete) if (line.startsWith('{')) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
}, 60_000);
afterAll(() => h?.close());

describe('provider faults inside a job', () => {
  it('every retry and 429 wait is a worker log line naming the job and tenant, and a /metrics count', async () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ id: `q${i}`, messages: [{ role: 'user', content: `Which gasket fits pump ${i}?` }] }));
    const submitted = await post(h, '/v1/inference', { model: 'gpt-4o-mini', parameters: { temperature: 0, max_tokens: 20 }, cache: { mode: 'off' }, items });
    expect(submitted.status).toBe(202);
    const id = String(submitted.body.id);
    await finished(h, id, 120_000);

    const faults = h.simulator.log.list().filter((e) => e.fault === 'injected-429' || e.fault === 'injected-5xx');
    const retries = lines.filter((l) => l.msg === 'provider call failed, retrying');
    const waits = lines.filter((l) => l.msg === 'provider rate limited the call (429): waiting');
    console.log(`${faults.length} injected faults in ${h.simulator.log.list().length} requests`);
    expect(faults.length).toBeGreaterThan(3);
    expect(retries.length + waits.length).toBe(faults.length);
    expect([...retries, ...waits].every((l) => l.jobId === id && l.tenant === 'alice' && l.queue === 'inference')).toBe(true);

    const metrics = await (await fetch(`${h.api.url}/metrics`)).text();
    const count = (event: string) =>
      Number(
        new RegExp(`llmops_llm_call_events_total\\{event="${event}",tenant="alice",model="gpt-4o-mini",job_type="inference"\\} (\\d+)`).exec(metrics)?.[1] ?? 0,
      );
    expect(count('retry')).toBe(retries.length);
    expect(count('rate_limit_wait')).toBe(waits.length);
    expect(metrics).toMatch(/llmops_llm_call_wait_seconds_total\{event="rate_limit_wait",tenant="alice",model="gpt-4o-mini",job_type="inference"\} \d/);
    console.log(`${faults.length} injected faults: ${retries.length} retries and ${waits.length} 429 waits logged and counted`);
  }, 180_000);
});
