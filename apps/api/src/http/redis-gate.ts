import type { RequestHandler } from 'express';
import { ReplyError } from 'ioredis';
import type { RedisClient } from '@llmops/redis';
import { unavailable } from './errors';

/** True while the connection can run commands (not connecting, reconnecting or closed). */
export const redisReady = (redis: Pick<RedisClient, 'status'>) => () => redis.status === 'ready';

/**
 * 503 with Retry-After before any handler work while the API's Redis connection is down. The
 * producer connection fails commands fast (no offline queue), so this only saves the work a
 * handler would do before its first command; it reopens by itself once ioredis reconnects.
 */
export function requireRedis(ready: () => boolean): RequestHandler {
  return (_req, _res, next) => next(ready() ? undefined : unavailable());
}

// Redis puts its error code first in a reply error: these say "not now", not "never".
const TRANSIENT_REPLY = /^(OOM|LOADING|BUSY|MASTERDOWN|TRYAGAIN|CLUSTERDOWN)\b/;
const RedisReplyError = ReplyError as new (message: string) => Error;

/**
 * A reply by which Redis refuses work for a while: full under noeviction (OOM), still loading its
 * data after a restart, a busy script, a failover. The API answers 503, not 500.
 */
export function isTransientRedisRefusal(error: unknown): boolean {
  if (!(error instanceof RedisReplyError)) return false;
  // A MULTI whose commands were refused fails as EXECABORT, carrying the refusals.
  const previous = (error as { previousErrors?: unknown }).previousErrors;
  if (Array.isArray(previous)) return previous.some(isTransientRedisRefusal);
  return TRANSIENT_REPLY.test(error.message);
}
