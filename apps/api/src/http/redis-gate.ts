import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { unavailable } from './errors';

/** True while the connection can run commands (not connecting, reconnecting or closed). */
export const redisReady = (redis: Pick<Redis, 'status'>) => () => redis.status === 'ready';

/**
 * 503 with Retry-After before any handler work while the API's Redis connection is down. The
 * producer connection fails commands fast (no offline queue), so this only saves the work a
 * handler would do before its first command; it reopens by itself once ioredis reconnects.
 */
export function requireRedis(ready: () => boolean): RequestHandler {
  return (_req, _res, next) => next(ready() ? undefined : unavailable());
}
