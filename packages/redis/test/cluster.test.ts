import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisCluster, type OwnRedisCluster } from '@llmops/testing';
import {
  assertNoEviction,
  createRedis,
  isCluster,
  nodesOf,
  parseRedisTarget,
  redactUrl,
  RedisEvictionPolicyError,
  RedisTargetError,
  waitReady,
} from '../src/index';

describe('cluster URLs', () => {
  it('a cluster URL names its seed nodes, credentials and TLS', () => {
    expect(parseRedisTarget('rediss+cluster://app:s%40cret@10.0.0.1:7000,[::1]:7001,redis-2')).toEqual({
      kind: 'cluster',
      tls: true,
      username: 'app',
      password: 's@cret',
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: '::1', port: 7001 },
        { host: 'redis-2', port: 6379 },
      ],
    });
    expect(parseRedisTarget('redis://127.0.0.1:6379/0')).toEqual({ kind: 'single', url: 'redis://127.0.0.1:6379/0' });
  });

  it('a malformed node is refused without echoing the password', () => {
    expect(() => parseRedisTarget('redis+cluster://:hunter22@host:notaport')).toThrow(RedisTargetError);
    expect(() => parseRedisTarget('redis+cluster://:hunter22@host:notaport')).not.toThrow(/hunter22/);
    expect(redactUrl('redis+cluster://:hunter22@a:1,b:2')).toBe('redis+cluster://***@a:1,b:2');
  });
});

describe('connections to a Redis Cluster', () => {
  let cluster: OwnRedisCluster;
  beforeAll(async () => {
    cluster = await startRedisCluster();
  }, 60_000);
  afterAll(() => cluster?.stop());

  it('every role reaches keys on every master; the eviction check reads every node', async () => {
    for (const role of ['producer', 'worker', 'job', 'client'] as const) {
      const redis = createRedis({ url: cluster.url, role });
      await waitReady(redis, cluster.url);
      expect(isCluster(redis)).toBe(true);
      // Keys spread over the three masters.
      const keys = Array.from({ length: 30 }, (_, i) => `roles:${role}:${i}`);
      for (const key of keys) await redis.set(key, role);
      const owners = new Set(await Promise.all(keys.map((key) => cluster.masterOf(key))));
      expect(owners.size).toBe(3);
      for (const key of keys) expect(await redis.get(key)).toBe(role);
      await assertNoEviction(redis);
      expect(nodesOf(redis, 'all')).toHaveLength(6);
      redis.disconnect();
    }
  });

  it('a node that may evict keys is refused by name', async () => {
    const redis = createRedis({ url: cluster.url, role: 'client' });
    await waitReady(redis, cluster.url);
    const replica = nodesOf(redis, 'all').find((node) => !nodesOf(redis, 'master').includes(node))!;
    await replica.config('SET', 'maxmemory-policy', 'allkeys-lru');
    try {
      const error = await assertNoEviction(redis).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RedisEvictionPolicyError);
      expect((error as RedisEvictionPolicyError).node).toBe(`${replica.options.host}:${replica.options.port}`);
    } finally {
      await replica.config('SET', 'maxmemory-policy', 'noeviction');
      redis.disconnect();
    }
  });
});
