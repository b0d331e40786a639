import { Redis, type RedisOptions } from 'ioredis';

/**
 * What a connection is for, which decides how it behaves when Redis is away:
 * - `producer`: API request paths. Commands fail fast (no offline queue, one retry) so a request
 *   answers 503 instead of hanging.
 * - `worker`: BullMQ workers and blocking consumers. Commands wait for Redis to come back
 *   (`maxRetriesPerRequest: null`, as BullMQ requires for workers).
 * - `client`: everything else (caches, ledgers inside workers): a few retries, then an error.
 */
export type ConnectionRole = 'producer' | 'worker' | 'client';

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
  client: { maxRetriesPerRequest: 3 },
};

export function createRedis(options: ConnectionOptions): Redis {
  const redis = new Redis(options.url, {
    ...roleOptions[options.role],
    connectionName: options.name ?? options.role,
    // Back off up to 2 s between reconnects; never give up (the role decides what commands do meanwhile).
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
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
