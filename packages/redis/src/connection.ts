import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import { parseRedisTarget, type RedisTarget } from './target';

/**
 * A connection to Redis: one server or a Redis Cluster (every command the platform sends works on
 * both: multi-key commands, transactions and scripts keep their keys in one hash slot).
 */
export type RedisClient = Redis | Cluster;

/**
 * What a connection is for, which decides how it behaves when Redis is away:
 * - `producer`: API request paths. Commands fail fast (no offline queue, one retry) so a request
 *   answers 503 instead of hanging.
 * - `worker`: BullMQ workers and blocking consumers. Commands wait for Redis to come back
 *   (`maxRetriesPerRequest: null`, as BullMQ requires for workers).
 * - `job`: what a running job uses inside a worker (results, ledger, call journal, cache, vault).
 *   Commands wait through a blip (a restart, a failover: seconds) instead of failing the job's
 *   attempt with "max retries per request"; the connection comes back within ~0.5 s of Redis.
 * - `client`: everything else (API-side services, probes): a few retries, then an error.
 */
export type ConnectionRole = 'producer' | 'worker' | 'job' | 'client';

export interface ConnectionOptions {
  /**
   * Redis URL: `redis://127.0.0.1:6379/0` (one server), or `redis+cluster://host:port,host:port`
   * (a Redis Cluster: any reachable node finds the others; `rediss+cluster://` for TLS).
   */
  url: string;
  role: ConnectionRole;
  /** Name shown in `CLIENT LIST`, to tell replicas apart. Default: the role. */
  name?: string;
  /** Called for every connection error; without a listener ioredis would print them unstructured. */
  onError?: (error: Error) => void;
}

const roleOptions: Record<ConnectionRole, RedisOptions> = {
  producer: { enableOfflineQueue: false, maxRetriesPerRequest: 1 },
  worker: { maxRetriesPerRequest: null, enableReadyCheck: true },
  // Queued while disconnected and resent once ready (ioredis re-sends unanswered commands too: every
  // script a job runs is idempotent for that reason).
  job: { maxRetriesPerRequest: null, enableReadyCheck: true, enableOfflineQueue: true },
  client: { maxRetriesPerRequest: 3 },
};

/** Reconnect delay cap per role: connections a job waits on come back fast; others back off further. */
const reconnectCapMs: Record<ConnectionRole, number> = { producer: 2_000, worker: 500, job: 500, client: 2_000 };

/** Creates a connection for a role: a `Redis` for a server URL, a `Cluster` for a cluster URL. */
export function createRedis(options: ConnectionOptions): RedisClient {
  const target = parseRedisTarget(options.url);
  const client = target.kind === 'cluster' ? createCluster(target, options) : createSingle(target.url, options);
  client.on('error', options.onError ?? (() => {}));
  return client;
}

function createSingle(url: string, options: ConnectionOptions): Redis {
  return new Redis(url, {
    ...roleOptions[options.role],
    connectionName: options.name ?? options.role,
    // Never give up reconnecting (the role decides what commands do meanwhile).
    retryStrategy: (attempt) => Math.min(attempt * 50, reconnectCapMs[options.role]),
    lazyConnect: false,
  });
}

function createCluster(target: Extract<RedisTarget, { kind: 'cluster' }>, options: ConnectionOptions): Cluster {
  const { enableOfflineQueue, ...nodeOptions } = roleOptions[options.role];
  const clusterOptions: ClusterOptions = {
    redisOptions: {
      ...nodeOptions,
      connectionName: options.name ?? options.role,
      ...(target.username ? { username: target.username } : {}),
      ...(target.password ? { password: target.password } : {}),
      ...(target.tls ? { tls: {} } : {}),
    },
    // Only the producer refuses commands while the cluster is not ready (a request answers 503).
    enableOfflineQueue: enableOfflineQueue ?? true,
    enableReadyCheck: true,
    // Never give up rediscovering the cluster (the role decides what commands do meanwhile).
    clusterRetryStrategy: (attempt) => Math.min(attempt * 50, reconnectCapMs[options.role]),
    // While a replica is promoted (about the node timeout) commands are retried, not failed.
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 300,
    retryDelayOnTryAgain: 100,
    maxRedirections: 64,
    slotsRefreshTimeout: 2_000,
    // Reads go to masters: a replica may lag behind what a job just wrote.
    scaleReads: 'master',
    lazyConnect: false,
  };
  return new Cluster(target.nodes, clusterOptions);
}

/** True for a Redis Cluster connection. */
export function isCluster(client: RedisClient): client is Cluster {
  return client instanceof Cluster;
}

/** The servers behind a connection: itself, or a cluster's nodes (`master`, or `all` with replicas). */
export function nodesOf(client: RedisClient, role: 'master' | 'all' = 'master'): Redis[] {
  return isCluster(client) ? client.nodes(role) : [client];
}

/** Waits until the connection is ready, or rejects after `timeoutMs` with a message naming the URL. */
export async function waitReady(redis: RedisClient, url: string, timeoutMs = 5_000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Redis at ${redactUrl(url)} did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      cleanup();
      resolve();
    };
    const cleanup = () => {
      clearTimeout(timer);
      redis.off('ready', onReady);
    };
    redis.on('ready', onReady);
  });
}

/** A Redis URL with its password replaced, for messages and logs. */
export function redactUrl(url: string): string {
  const cluster = /^(rediss?\+cluster:\/\/)(?:[^@/]*@)?(.*)$/.exec(url);
  if (cluster) return `${cluster[1]}${url.includes('@') ? '***@' : ''}${cluster[2]}`;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'redis://(unparseable url)';
  }
}
