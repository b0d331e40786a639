import { startRedisCluster, type OwnRedisCluster } from '@llmops/testing';
import { createRedis, waitReady, type RedisClient } from '@llmops/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter, createUsageLedger, readUsage } from '../src/index';

// A real Redis Cluster (three masters): a script touching a key outside its KEYS, or keys of two
// slots, fails here with a cross-slot error.
describe('the limiter and the ledger on Redis Cluster', () => {
  let cluster: OwnRedisCluster;
  let redis: RedisClient;
  beforeAll(async () => {
    cluster = await startRedisCluster();
    redis = createRedis({ url: cluster.url, role: 'job' });
    await waitReady(redis, cluster.url);
  }, 60_000);
  afterAll(async () => {
    redis?.disconnect();
    await cluster?.stop();
  });

  it('limits every scope (spread over the masters): admits to the limit, denies past it, reconciles', async () => {
    const limiter = createRateLimiter(redis, { keyPrefix: 'c:llm', windowMs: 10_000 });
    const scopes = ['openai', 'azure', 'vllm', 'ollama'].flatMap((provider) =>
      ['gpt-4o', 'gpt-4o-mini', 'text-embedding-3-small'].map((model) => `${provider}:${model}`),
    );
    const owners = new Set(await Promise.all(scopes.map((scope) => cluster.masterOf(`c:llm:lim:{${scope}}:counts`))));
    expect(owners.size).toBeGreaterThan(1);
    for (const scope of scopes) {
      const first = await limiter.tryReserve(scope, { tpm: 1_000, rpm: 10 }, 'acme', 900);
      expect(first.ok).toBe(true);
      expect((await limiter.tryReserve(scope, { tpm: 1_000, rpm: 10 }, 'acme', 500)).ok).toBe(false);
      if (first.ok) await limiter.reconcile(first.reservation, 300);
      expect((await limiter.tryReserve(scope, { tpm: 1_000, rpm: 10 }, 'other', 500)).ok).toBe(true);
    }
  });

  it('counts usage once per idempotency key, for tenants on different masters', async () => {
    const ledger = createUsageLedger(redis, { keyPrefix: 'c:llm' });
    const at = new Date('2026-11-28T10:00:00Z');
    const tenants = Array.from({ length: 6 }, (_, i) => `tenant-${i}`);
    for (const tenant of tenants) {
      const record = {
        tenant,
        model: 'gpt-4o-mini',
        jobType: 'inference',
        idempotencyKey: 'k1',
        requests: 1,
        inputTokens: 10,
        outputTokens: 5,
        costNanoUsd: 1_000n,
        at,
      };
      expect(await ledger.record(record)).toBe(true);
      expect(await ledger.record(record)).toBe(false);
      const usage = await readUsage(redis, { keyPrefix: 'c:llm', tenant, from: '2026-11-27', to: '2026-11-28' });
      expect(usage.totals).toMatchObject({ requests: 1, inputTokens: 10, outputTokens: 5 });
    }
  });
});
