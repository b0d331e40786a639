import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { startRedisServer, type OwnRedis } from './redis-server';
import { waitFor } from './wait';

const run = promisify(execFile);

export interface OwnRedisCluster {
  /** `redis+cluster://127.0.0.1:<port>,...`: what REDIS_URL (and `createRedis`) take. */
  url: string;
  /** Every node's port, masters first as created. */
  ports: number[];
  /** The ports of the nodes that are masters now (after a failover, a promoted replica is one). */
  masters(): Promise<number[]>;
  /** The master serving a key (its port). */
  masterOf(key: string): Promise<number>;
  /**
   * SIGKILLs a node and waits until the cluster serves every slot again (a master's replica was
   * promoted, which takes about the node timeout plus an election). Returns the promoted replica's port.
   */
  kill(port: number): Promise<number | undefined>;
  /** Stops every node and removes their data. */
  stop(): Promise<void>;
}

export interface RedisClusterOptions {
  /** Default 3 (the smallest cluster that can elect a new master). */
  masters?: number;
  /** Default 1. */
  replicasPerMaster?: number;
  /** How long a node may be unreachable before it is failed over. Default 1,000 ms (Redis: 15 s). */
  nodeTimeoutMs?: number;
  /** More redis-server arguments for every node. */
  args?: string[];
}

/**
 * Starts a real Redis Cluster on loopback (redis-server processes in cluster mode, joined by
 * `redis-cli --cluster create`), by default three masters with one replica each. Its nodes run with
 * noeviction, as the platform requires; the shared Redis on 6379 is never touched.
 */
export async function startRedisCluster(options: RedisClusterOptions = {}): Promise<OwnRedisCluster> {
  const masters = options.masters ?? 3;
  const count = masters * (1 + (options.replicasPerMaster ?? 1));
  const args = [
    '--cluster-enabled',
    'yes',
    '--cluster-config-file',
    'nodes.conf',
    '--cluster-node-timeout',
    String(options.nodeTimeoutMs ?? 1_000),
    // A replica may always take over, however long its link was down (tests kill nodes on purpose).
    '--cluster-replica-validity-factor',
    '0',
    '--maxmemory-policy',
    'noeviction',
    ...(options.args ?? []),
  ];
  const servers = new Map<number, OwnRedis>();
  try {
    for (let i = 0; i < count; i++) {
      const server = await startRedisServer({ port: await freeClusterPort(new Set(servers.keys())), args });
      servers.set(server.port, server);
    }
    const ports = [...servers.keys()];
    await run('redis-cli', [
      '--cluster',
      'create',
      ...ports.map((port) => `127.0.0.1:${port}`),
      '--cluster-replicas',
      String(options.replicasPerMaster ?? 1),
      '--cluster-yes',
    ]);
    await waitUntilServing(ports, count);
  } catch (error) {
    await Promise.allSettled([...servers.values()].map((server) => server.stop()));
    throw error;
  }
  const ports = [...servers.keys()];
  const alive = new Set(ports);

  const withNode = async <T>(port: number, work: (redis: Redis) => Promise<T>): Promise<T> => {
    const redis = new Redis(port, '127.0.0.1', { maxRetriesPerRequest: 1, lazyConnect: true, retryStrategy: () => null });
    redis.on('error', () => {});
    try {
      await redis.connect();
      return await work(redis);
    } finally {
      redis.disconnect();
    }
  };
  const masterPorts = async () => {
    const port = [...alive][0]!;
    const lines = await withNode(port, async (redis) => String(await redis.call('CLUSTER', 'NODES')).split('\n'));
    return lines
      .filter((line) => {
        const flags = line.split(' ')[2]?.split(',') ?? [];
        return flags.includes('master') && !flags.some((flag) => flag.startsWith('fail'));
      })
      .map((line) => Number(/:(\d+)@/.exec(line)?.[1]))
      .filter((port) => alive.has(port));
  };

  return {
    url: `redis+cluster://${ports.map((port) => `127.0.0.1:${port}`).join(',')}`,
    ports,
    masters: masterPorts,
    async masterOf(key) {
      const slot = Number(await withNode([...alive][0]!, (redis) => redis.call('CLUSTER', 'KEYSLOT', key)));
      const slots = (await withNode([...alive][0]!, (redis) => redis.call('CLUSTER', 'SLOTS'))) as [
        number,
        number,
        [string, number, ...unknown[]],
        ...unknown[],
      ][];
      const owner = slots.find(([from, to]) => slot >= from && slot <= to);
      if (!owner) throw new Error(`no master serves slot ${slot}`);
      return owner[2][1];
    },
    async kill(port) {
      const before = new Set(await masterPorts());
      await servers.get(port)?.stop();
      alive.delete(port);
      await waitUntilServing([...alive], ports.length, { failed: port });
      if (!before.has(port)) return undefined;
      const after = await masterPorts();
      return after.find((candidate) => !before.has(candidate));
    },
    async stop() {
      await Promise.allSettled([...servers.values()].map((server) => server.stop()));
    },
  };
}

/** Until every live node says the cluster is ok with every slot served (and, after a kill, knows the failed node). */
async function waitUntilServing(ports: readonly number[], known: number, options: { failed?: number } = {}): Promise<void> {
  const probes = ports.map((port) => {
    const redis = new Redis(port, '127.0.0.1', { maxRetriesPerRequest: 1 });
    redis.on('error', () => {});
    return redis;
  });
  try {
    await waitFor(
      async () => {
        for (const redis of probes) {
          const info = String(await redis.call('CLUSTER', 'INFO'));
          if (!info.includes('cluster_state:ok') || !info.includes('cluster_slots_ok:16384') || !info.includes(`cluster_known_nodes:${known}`)) return false;
          if (options.failed !== undefined) {
            const nodes = String(await redis.call('CLUSTER', 'NODES'));
            const line = nodes.split('\n').find((entry) => entry.includes(`:${options.failed}@`));
            if (!line?.includes('fail')) return false;
          }
          // Every node lists every live replica beside its master (what clients learn the topology from).
          const slots = (await redis.call('CLUSTER', 'SLOTS')) as unknown[][];
          const served = new Set(slots.flatMap((range) => range.slice(2).map((node) => String((node as unknown[])[1]))));
          if (served.size !== known - (options.failed === undefined ? 0 : 1)) return false;
          const replication = await redis.info('replication');
          if (replication.includes('role:slave') && !replication.includes('master_link_status:up')) return false;
        }
        return true;
      },
      { timeoutMs: 60_000, what: 'the Redis Cluster to serve every slot' },
    );
  } finally {
    for (const redis of probes) redis.disconnect();
  }
}

/** A free port whose cluster bus port (port + 10,000) is free too. */
async function freeClusterPort(taken: ReadonlySet<number>): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 25_000);
    if (taken.has(port) || taken.has(port + 10_000) || taken.has(port - 10_000)) continue;
    if ((await isFree(port)) && (await isFree(port + 10_000))) return port;
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
