import type { RequestHandler } from 'express';
import type { TenantLimitsService } from '@llmops/limits';
import { refusalError } from './refusals';

/**
 * Every /v1 request takes one token from its tenant's bucket, shared by every API replica (Redis);
 * an empty bucket is a 429 with Retry-After. Runs after authentication, before the body is read.
 */
export function rateGuard(limits: TenantLimitsService): RequestHandler {
  return async (req, _res, next) => {
    const tenant = req.tenant;
    if (!tenant) return next();
    const decision = await limits.checkRate(tenant);
    if (decision.allowed) return next();
    next(refusalError({ kind: 'rate', refusal: { limit: 'rate', cap: decision.limit, remaining: decision.remaining, retryAfterMs: decision.retryAfterMs } }));
  };
}
