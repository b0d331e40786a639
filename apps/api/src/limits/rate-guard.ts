import type { RequestHandler } from 'express';
import type { TenantLimitsService } from '@llmops/limits';
import { isTransientRedisRefusal } from '../http/redis-gate';
import { refusalError } from './refusals';

/**
 * Every /v1 request takes one token from its tenant's bucket, shared by every API replica (Redis);
 * an empty bucket is a 429 with Retry-After. Runs after authentication, before the body is read.
 * When Redis refuses the bucket's write (full under noeviction, loading, failing over) the request
 * goes on: reads must keep working while Redis has no room, and any write it makes meets the same
 * refusal and answers 503 by itself.
 */
export function rateGuard(limits: TenantLimitsService): RequestHandler {
  return async (req, _res, next) => {
    const tenant = req.tenant;
    if (!tenant) return next();
    const decision = await limits.checkRate(tenant).catch((error: unknown) => {
      if (isTransientRedisRefusal(error)) return undefined;
      throw error;
    });
    if (!decision || decision.allowed) return next();
    next(refusalError({ kind: 'rate', refusal: { limit: 'rate', cap: decision.limit, remaining: decision.remaining, retryAfterMs: decision.retryAfterMs } }));
  };
}
