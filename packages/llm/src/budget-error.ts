import { FatalError } from './errors';
import type { BudgetRefusal } from './spend';

/**
 * A spend budget (the tenant's, per day or month, or the job's `maxCostUsd`) cannot hold the call's
 * worst-case cost; nothing was sent. Not retriable: retrying cannot make the budget larger. A worker
 * fails the job with reason `budget_exhausted`, keeping the items it already finished.
 */
export class BudgetExhaustedError extends FatalError {
  readonly reason = 'budget_exhausted' as const;
  constructor(
    /** Which budget refused and its numbers. */
    readonly refusal: BudgetRefusal,
    readonly tenant: string,
  ) {
    super(
      `budget exhausted for tenant ${tenant}: ${refusal.limit} is ${String(refusal.cap)} ${refusal.unit}, ` +
        `spent ${String(refusal.spent)}, reserved ${String(refusal.reserved)}, remaining ${String(refusal.remaining)}; ` +
        `the call needs up to ${String(refusal.requested)}`,
      // Every further call of the job would be refused alike: the job stops, finished items stay.
      { stopsJob: true },
    );
  }
}
