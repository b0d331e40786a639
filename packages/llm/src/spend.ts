// The spend hook: before each provider attempt the client asks a SpendGuard to hold the attempt's
// worst-case cost; after it, it settles the hold with what the ledger counted. @llmops/limits
// implements the guard (Redis budgets); this package only defines the shape, so it never imports it.

/** What one provider attempt may cost at most, asked of the guard before it is sent. */
export interface SpendRequest {
  /** Tenant whose budgets apply. */
  tenant: string;
  /** The job the call belongs to: its reservation is drawn from first, and its `maxCostUsd` applies. */
  jobId?: string;
  /** Model as sent to the provider (per-model budgets match it by this exact name). */
  model: string;
  /** Worst-case cost of the attempt, integer nano-USD (prompt + max output at list price). */
  estimatedNanoUsd: bigint;
  /** Worst-case tokens of the attempt (prompt + max output). */
  estimatedTokens: number;
  /**
   * How long the hold may live before it is presumed leaked by a dead process. Default: the guard's
   * (minutes; a Batch API hold asks for the batch's whole wait).
   */
  ttlMs?: number;
}

/** A granted hold; hand it back to `settle`. Guards may carry more fields; the client never reads them. */
export interface SpendHold {
  readonly tenant: string;
  readonly id: string;
}

/** What the attempt actually cost, as the ledger counted it (zero for a failed or replayed call). */
export interface SpendActual {
  nanoUsd: bigint;
  tokens: number;
}

/** Why a hold was refused, with the numbers (USD amounts as exact decimal strings, tokens as numbers). */
export interface BudgetRefusal {
  /** The limit's name, e.g. `budget.day.usd`, `budget.models.gpt-4o.month.tokens`, `job.maxCostUsd`. */
  limit: string;
  period: 'day' | 'month' | 'job';
  /** Set for a per-model budget. */
  model?: string;
  unit: 'usd' | 'tokens';
  cap: string | number;
  spent: string | number;
  /** Held by other jobs and calls in flight. */
  reserved: string | number;
  /** cap - spent - reserved (never below 0). */
  remaining: string | number;
  requested: string | number;
}

export type SpendDecision = { ok: true; hold: SpendHold } | { ok: false; refusal: BudgetRefusal };

/** Implemented by @llmops/limits (`createSpendGuard`); passed to `createLlmClient({ spend })`. */
export interface SpendGuard {
  /** Holds the attempt's worst case, or refuses it with the numbers. */
  reserve(request: SpendRequest): Promise<SpendDecision>;
  /** Ends a hold with what was really counted; the unused part is given back. */
  settle(hold: SpendHold, actual: SpendActual): Promise<void>;
}

export const NOTHING_SPENT: SpendActual = { nanoUsd: 0n, tokens: 0 };
