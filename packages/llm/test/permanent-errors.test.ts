import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlmClient, FatalError, type LlmClient } from '../src/index';
import { cleanup, connect, uniquePrefix } from './helpers';
import { startSimulator, type Simulator } from './sim';

describe('permanent provider refusals fail fast', () => {
  let redis: Redis;
  let sim: Simulator;
  let client: LlmClient;
  const prefix = uniquePrefix('permanent');
  beforeAll(async () => {
    redis = connect();
    sim = await startSimulator({ quotaExhausted: true });
    client = createLlmClient({
      redis,
      providers: { providers: [{ name: 'sim', baseURL: sim.baseURL }] },
      limiter: { keyPrefix: prefix },
      ledger: { keyPrefix: prefix },
      retry: { maxAttempts: 6, baseDelayMs: 5, maxDelayMs: 20 },
    });
  });
  afterAll(async () => {
    await client?.close();
    await sim?.close();
    await cleanup(redis, prefix);
    redis.disconnect();
  });

  it('an insufficient_quota 429 is fatal, stops the job, and is not retried', async () => {
    const since = sim.log.list().length;
    const error = await client.chat({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] }, { tenant: 'acme', jobType: 'inference' }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(FatalError);
    expect((error as FatalError).stopsJob).toBe(true);
    expect((error as FatalError).message).toContain('insufficient_quota');
    expect(sim.log.list().slice(since)).toHaveLength(1);
  });

  it('an ordinary 429 is still a rate limit (retried, then delays the job)', async () => {
    sim.configure({ quotaExhausted: false, failRate429: 1, retryAfterMs: 5 });
    const error = await client
      .chat(
        { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] },
        { tenant: 'acme', jobType: 'inference', retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 } },
      )
      .then(
        () => undefined,
        (caught: unknown) => caught,
      );
    expect(error).not.toBeInstanceOf(FatalError);
    expect((error as { retryAfterMs?: number }).retryAfterMs).toBeGreaterThanOrEqual(0);
  });
});
