import type { LimitRefusal } from '@llmops/limits';
import { HttpError } from '../http/errors';

/** Seconds a client should wait after a refusal that time alone cures (jobs finishing, a bucket refilling). */
const CONCURRENCY_RETRY_SECONDS = 5;

/**
 * One HTTP answer per kind of limit, each naming the limit and its numbers:
 * - rate, jobs at once, stored bytes: 429 with Retry-After (waiting cures them);
 * - a budget (the tenant's per day/month, per model, or the job's maxCostUsd): 402 with the estimate,
 *   the budget, what is spent, held and left;
 * - work per request: 413 with the cap and the computed amount (a smaller request cures it).
 */
export function refusalError(refusal: LimitRefusal): HttpError {
  switch (refusal.kind) {
    case 'rate': {
      const seconds = Math.max(1, Math.ceil(refusal.refusal.retryAfterMs / 1000));
      return new HttpError(
        429,
        'rate_limited',
        `over the tenant's request rate (limit rate: ${refusal.refusal.cap} requests burst); retry in ${seconds} s`,
        { ...refusal.refusal },
        { 'Retry-After': String(seconds) },
      );
    }
    case 'concurrency':
    case 'storage': {
      const { limit, cap, current, requested } = refusal.refusal;
      const what = limit === 'concurrency.maxJobs' ? 'jobs waiting or running' : 'bytes of waiting work';
      return new HttpError(429, 'limit_exceeded', `${limit}: ${current} ${what} now, this request adds ${requested}, the limit is ${cap}`, refusal.refusal, {
        'Retry-After': String(CONCURRENCY_RETRY_SECONDS),
      });
    }
    case 'budget': {
      const { limit, unit, cap, spent, reserved, remaining, requested } = refusal.refusal;
      const money = (value: string | number) => (unit === 'usd' ? `$${value}` : `${value} tokens`);
      return new HttpError(
        402,
        'budget_exceeded',
        `${limit}: the estimate ${money(requested)} does not fit; budget ${money(cap)}, spent ${money(spent)}, held by running work ${money(reserved)}, left ${money(remaining)}`,
        { estimate: requested, ...refusal.refusal },
      );
    }
    case 'work': {
      const { limit, cap, requested, detail } = refusal.refusal;
      return new HttpError(413, 'work_too_large', `${limit}: this request asks for ${requested} (${detail}); the cap is ${cap}`, refusal.refusal);
    }
  }
}
