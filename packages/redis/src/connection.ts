import { Redis, type RedisOptions } from 'ioredis';

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
  /** Redis URL, e.g. `redis://127.0.0.1:6379/0`. */
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

export function createRedis(options: ConnectionOptions): Redis {
  const redis = new Redis(options.url, {
    ...roleOptions[options.role],
    connectionName: options.name ?? options.role,
    // Never give up reconnecting (the role decides what commands do meanwhile).
    retryStrategy: (attempt) => Math.min(attempt * 50, reconnectCapMs[options.role]),
    lazyConnect: false,
  });
  redis.on('error', options.onError ?? (() => {}));
  return redis;
}

/** Waits until the connection is ready, or rejects after `timeoutMs` with a message naming the URL. */
export async function waitReady(redis: Redis, url: string, timeoutMs = 5_000): Promise<void> {
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
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'redis://(unparseable url)';
  }
}
