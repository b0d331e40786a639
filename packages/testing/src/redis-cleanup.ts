import { randomBytes } from 'node:crypto';
import { Cluster, Redis } from 'ioredis';

/** A key prefix no other test uses. */
export function uniquePrefix(label: string): string {
  return `t-${label}-${randomBytes(4).toString('hex')}`;
}

/**
 * The servers to SCAN for a URL: the server itself, or every master of a Redis Cluster
 * (`redis+cluster://host:port,...`: each master holds only its own slots' keys).
 */
async function withServers<T>(url: string, work: (servers: Redis[]) => Promise<T>): Promise<T> {
  const seeds = /^rediss?\+cluster:\/\/(?:[^@/]*@)?([^/]+)/.exec(url)?.[1];
  if (!seeds) {
    const redis = new Redis(url, { maxRetriesPerRequest: 1 });
    try {
      return await work([redis]);
    } finally {
      redis.disconnect();
    }
  }
  const nodes = seeds.split(',').map((node) => {
    const [host, port] = node.split(':');
    return { host: host!, port: Number(port) };
  });
  const cluster = new Cluster(nodes, { redisOptions: { maxRetriesPerRequest: 1 } });
  cluster.on('error', () => {});
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Redis Cluster at ${seeds} not ready within 10 s`)), 10_000);
      cluster.once('ready', () => (clearTimeout(timer), resolve()));
    });
    return await work(cluster.nodes('master'));
  } finally {
    cluster.disconnect();
  }
}

/** Every key under `prefix:` on one server (SCAN, never KEYS). */
async function scanAll(redis: Redis, prefix: string, onKeys: (keys: string[]) => Promise<void>): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await onKeys(keys);
  } while (cursor !== '0');
}

/** Deletes every key under `prefix:` (SCAN, never KEYS; on a cluster, on every master). */
export async function deleteKeys(url: string, prefix: string): Promise<void> {
  await withServers(url, async (servers) => {
    for (const redis of servers) {
      // One key per UNLINK: on a cluster node, a command's keys must share a slot.
      await scanAll(redis, prefix, async (keys) => {
        const pipeline = redis.pipeline();
        for (const key of keys) pipeline.unlink(key);
        await pipeline.exec();
      });
    }
  });
}

/** Every string value under a prefix, for tests that prove something never reached Redis. */
export async function dumpValues(url: string, prefix: string): Promise<string> {
  const parts: string[] = [];
  await withServers(url, async (servers) => {
    for (const redis of servers) {
      await scanAll(redis, prefix, async (keys) => {
        for (const key of keys) {
          parts.push(key);
          const type = await redis.type(key);
          if (type === 'string') parts.push(String(await redis.get(key)));
          else if (type === 'hash') parts.push(JSON.stringify(await redis.hgetall(key)));
          else if (type === 'list') parts.push(JSON.stringify(await redis.lrange(key, 0, -1)));
          else if (type === 'set') parts.push(JSON.stringify(await redis.smembers(key)));
          else if (type === 'zset') parts.push(JSON.stringify(await redis.zrange(key, '0', '-1')));
          else if (type === 'stream') parts.push(JSON.stringify(await redis.xrange(key, '-', '+')));
        }
      });
    }
  });
  return parts.join('\n');
}
