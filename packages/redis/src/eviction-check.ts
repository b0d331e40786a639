import type { Redis } from 'ioredis';
import { isCluster, nodesOf, type RedisClient } from './connection';

export class RedisEvictionPolicyError extends Error {
  constructor(
    readonly policy: string,
    /** The node with that policy (`host:port`), on a cluster. */
    readonly node?: string,
  ) {
    super(
      `Redis maxmemory-policy is "${policy}"${node ? ` on cluster node ${node}` : ''}, but queues need "noeviction": with any other policy Redis ` +
        `may silently delete job data under memory pressure. Fix: run \`redis-cli CONFIG SET ` +
        `maxmemory-policy noeviction\` (and \`CONFIG REWRITE\`) on every node, or start redis-server with ` +
        `--maxmemory-policy noeviction, or set "maxmemory-policy noeviction" in redis.conf.`,
    );
    this.name = 'RedisEvictionPolicyError';
  }
}

/**
 * Refuses to run against a Redis that may evict keys: on a cluster, every node (a replica becomes a
 * master after a failover, so its policy counts too). Managed Redis services that forbid CONFIG GET
 * are reported by INFO memory, which is tried second.
 */
export async function assertNoEviction(redis: RedisClient): Promise<void> {
  const nodes = nodesOf(redis, 'all');
  if (nodes.length === 0) throw new Error('no Redis Cluster node is known yet (wait for the connection to be ready first)');
  for (const node of nodes) {
    const policy = await readPolicy(node);
    if (policy !== 'noeviction') throw new RedisEvictionPolicyError(policy, isCluster(redis) ? `${node.options.host}:${node.options.port}` : undefined);
  }
}

async function readPolicy(redis: Redis): Promise<string> {
  try {
    const reply = await redis.config('GET', 'maxmemory-policy');
    if (reply[1]) return reply[1];
  } catch {
    // CONFIG may be renamed or disabled; INFO is always there.
  }
  const info = await redis.info('memory');
  const match = /maxmemory_policy:(\S+)/.exec(info);
  return match?.[1] ?? 'unknown';
}

/** Boot check for a process: Redis answers within the timeout and will not evict keys. */
export async function checkRedis(url: string, timeoutMs = 5_000): Promise<void> {
  const { createRedis, waitReady } = await import('./connection');
  const probe = createRedis({ url, role: 'client', name: 'boot-check' });
  try {
    await waitReady(probe, url, timeoutMs);
    await assertNoEviction(probe);
  } finally {
    probe.disconnect();
  }
}
