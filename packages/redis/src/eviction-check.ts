import type { Redis } from 'ioredis';

export class RedisEvictionPolicyError extends Error {
  constructor(readonly policy: string) {
    super(
      `Redis maxmemory-policy is "${policy}", but queues need "noeviction": with any other policy Redis ` +
        `may silently delete job data under memory pressure. Fix: run \`redis-cli CONFIG SET ` +
        `maxmemory-policy noeviction\` (and \`CONFIG REWRITE\`), or start redis-server with ` +
        `--maxmemory-policy noeviction, or set "maxmemory-policy noeviction" in redis.conf.`,
    );
    this.name = 'RedisEvictionPolicyError';
  }
}

/**
 * Refuses to run against a Redis that may evict keys. Managed Redis services that forbid CONFIG GET
 * are reported by INFO memory, which is tried second.
 */
export async function assertNoEviction(redis: Redis): Promise<void> {
  const policy = await readPolicy(redis);
  if (policy !== 'noeviction') throw new RedisEvictionPolicyError(policy);
}

async function readPolicy(redis: Redis): Promise<string> {
  try {
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
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
