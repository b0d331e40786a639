import { spendKeys } from '@llmops/contracts';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlmClient, type CallEvent } from '../src/index';
import { cleanup, connect, uniquePrefix } from './helpers';
import { startSimulator, type Simulator } from './sim';

describe('retries, 429 waits and limiter waits are logged with job and tenant, and counted', () => {
  let redis: Redis;
  let sim: Simulator;
  const prefix = uniquePrefix('events');
  beforeAll(async () => {
    redis = connect();
    sim = await startSimulator({ retryAfterMs: 20, seed: 3 });
  });
  afterAll(async () => {
    await sim?.close();
    await cleanup(redis, prefix);
    redis.disconnect();
  });

  it('one event per retried failure and per wait, on the call logger, in the Redis counters', async () => {
    const events: CallEvent[] = [];
    const lines: { level: string; obj: Record<string, unknown>; msg?: string }[] = [];
    const jobLogger = {
      info: (obj: object, msg?: string) => lines.push({ level: 'info', obj: obj as Record<string, unknown>, msg }),
      warn: (obj: object, msg?: string) => lines.push({ level: 'warn', obj: obj as Record<string, unknown>, msg }),
    };
    const client = createLlmClient({
      redis,
      providers: { providers: [{ name: 'sim', baseURL: sim.baseURL, limits: { 'gpt-4o-mini': { rpm: 3 } } }] },
      // A 2 s window so the fourth call of a burst waits for the limiter.
      limiter: { keyPrefix: prefix, windowMs: 2_000, subWindows: 4 },
      ledger: { keyPrefix: prefix },
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
      onEvent: (event) => events.push(event),
    });
    sim.configure({ failRate429: 0.3, failRate5xx: 0.3 });
    const job = client.withContext({ logger: jobLogger });
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        job.chat(
          { model: 'gpt-4o-mini', messages: [{ role: 'user', content: `question ${i}` }], max_tokens: 5 },
          { tenant: 'acme', jobType: 'inference', jobId: 'job-7' },
        ),
      ),
    );
    sim.configure({ failRate429: 0, failRate5xx: 0 });
    await client.close();

    const faults = sim.log.list().filter((e) => e.fault === 'injected-429' || e.fault === 'injected-5xx');
    const byKind = (kind: CallEvent['kind']) => events.filter((e) => e.kind === kind);
    // Every fault was retried (6 attempts are plenty here), a 429 as a wait, a 5xx as a retry.
    expect(byKind('rate_limit_wait')).toHaveLength(faults.filter((e) => e.fault === 'injected-429').length);
    expect(byKind('retry')).toHaveLength(faults.filter((e) => e.fault === 'injected-5xx').length);
    expect(byKind('limiter_wait').length).toBeGreaterThan(0);
    expect(events.every((e) => e.tenant === 'acme' && e.jobId === 'job-7' && e.model === 'gpt-4o-mini')).toBe(true);
    // Logged on the job's logger: waits for the limiter at info, failures at warn.
    expect(lines).toHaveLength(events.length);
    expect(lines.every((line) => line.obj.tenant === 'acme' && line.obj.jobId === 'job-7')).toBe(true);
    expect(lines.filter((l) => l.level === 'warn')).toHaveLength(byKind('retry').length + byKind('rate_limit_wait').length);

    const counters = await redis.hgetall(spendKeys(prefix).callEvents);
    for (const kind of ['retry', 'rate_limit_wait', 'limiter_wait'] as const) {
      expect(Number(counters[`acme|gpt-4o-mini|inference|${kind}|count`] ?? 0)).toBe(byKind(kind).length);
    }
    expect(Number(counters['acme|gpt-4o-mini|inference|limiter_wait|wait_ms'])).toBeGreaterThan(0);
  }, 60_000);
});
