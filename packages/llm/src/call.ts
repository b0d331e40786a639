import { randomUUID } from 'node:crypto';
import type OpenAI from 'openai';
import { BudgetExhaustedError } from './budget-error';
import { classifyError } from './classify';
import type { UsageLedger } from './ledger';
import type { RateLimiter } from './limiter';
import type { Route } from './providers';
import { callWithRetries, type RetryOptions } from './retry';
import { NOTHING_SPENT, type SpendActual, type SpendGuard, type SpendHold } from './spend';

/** Who a call is for and how it is counted; every public call takes one. */
export interface CallContext {
  /** Tenant the usage is charged to and the limiter is fair between. */
  tenant: string;
  /** Job type the ledger groups usage by, e.g. `"inference"`. */
  jobType: string;
  /** For logs, and for the spend guard: the job's reservation is drawn from first. */
  jobId?: string;
  /**
   * Same key = same logical call: the ledger counts it once, however often a job retries. Use
   * something attempt-independent, e.g. `${jobId}:${itemId}`. Default: a random key (counted once per
   * invocation, so a retried job counts again).
   */
  idempotencyKey?: string;
  /** Overrides the client's retry budget for this call. */
  retry?: RetryOptions;
  /** Cancels waiting and the HTTP request. */
  signal?: AbortSignal;
}

export interface Logger {
  debug?(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface CoreDeps {
  limiter: RateLimiter | undefined;
  spend: SpendGuard | undefined;
  ledger: UsageLedger | undefined;
  retry: RetryOptions;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
  logger: Logger | undefined;
}

/** Worst-case cost of one attempt, held against the tenant's budgets before it is sent. */
export interface SpendEstimate {
  model: string;
  nanoUsd: bigint;
  tokens: number;
  /** Hold lifetime for long calls (Batch API). Default: the guard's. */
  ttlMs?: number;
}

export interface AttemptOutcome<T> {
  value: T;
  /** Tokens the provider counted (prompt + completion), to reconcile the reservation. */
  actualTokens: number;
}

/**
 * One logical call: per attempt, hold its worst-case cost with the spend guard, wait for the limiter,
 * send, then reconcile the reservation with the real usage. A 429 releases the whole reservation (the
 * provider did not count it); other failures keep the request and the prompt part, since the provider
 * may have processed them. A failed attempt settles its spend hold at zero (the ledger counts only
 * answered calls); the answered attempt's hold is returned, for the caller to settle once the ledger
 * has counted the call (so spend is never briefly in neither the hold nor the counters).
 */
export async function limitedCall<T>(
  deps: CoreDeps,
  route: Route,
  ctx: CallContext,
  estimate: { promptTokens: number; outputTokens: number; spend?: SpendEstimate },
  send: (client: OpenAI, options: { signal?: AbortSignal }) => Promise<AttemptOutcome<T>>,
): Promise<{ value: T; attempts: number; hold: SpendHold | undefined }> {
  let attempts = 0;
  let hold: SpendHold | undefined;
  const value = await callWithRetries(
    async (attempt) => {
      attempts = attempt;
      ctx.signal?.throwIfAborted();
      hold = estimate.spend ? await reserveSpend(deps, ctx, estimate.spend) : undefined;
      let reservation: Awaited<ReturnType<RateLimiter['acquire']>>;
      try {
        reservation = await deps.limiter?.acquire(route.scope, route.limits, ctx.tenant, estimate.promptTokens + estimate.outputTokens, ctx.signal);
      } catch (error) {
        await settleSpend(deps, ctx, hold, NOTHING_SPENT);
        throw error;
      }
      try {
        const outcome = await send(route.client, ctx.signal ? { signal: ctx.signal } : {});
        await deps.limiter?.reconcile(reservation, outcome.actualTokens);
        return outcome.value;
      } catch (error) {
        const kind = classifyError(error).kind;
        const limited = kind === 'rate-limited';
        await deps.limiter?.reconcile(reservation, limited ? 0 : estimate.promptTokens, { keepRequest: !limited }).catch(() => {});
        await settleSpend(deps, ctx, hold, NOTHING_SPENT);
        throw error;
      }
    },
    { ...deps.retry, ...ctx.retry },
    {
      sleep: deps.sleep,
      now: deps.now,
      random: deps.random,
      onRetry: ({ attempt, delayMs, error }) =>
        deps.logger?.warn({ scope: route.scope, tenant: ctx.tenant, jobId: ctx.jobId, attempt, delayMs, err: error.message }, 'llm call failed, retrying'),
    },
  );
  return { value, attempts, hold };
}

/** Holds an attempt's worst case, or throws BudgetExhaustedError (nothing is sent). */
export async function reserveSpend(deps: Pick<CoreDeps, 'spend'>, ctx: CallContext, estimate: SpendEstimate): Promise<SpendHold | undefined> {
  if (!deps.spend) return undefined;
  const decision = await deps.spend.reserve({
    tenant: ctx.tenant,
    ...(ctx.jobId !== undefined ? { jobId: ctx.jobId } : {}),
    model: estimate.model,
    estimatedNanoUsd: estimate.nanoUsd,
    estimatedTokens: estimate.tokens,
    ...(estimate.ttlMs !== undefined ? { ttlMs: estimate.ttlMs } : {}),
  });
  if (!decision.ok) throw new BudgetExhaustedError(decision.refusal, ctx.tenant);
  return decision.hold;
}

/**
 * Ends a hold. A failure here never fails the call (its answer is valid and counted): the hold then
 * lapses at its expiry, which only keeps budget held a little longer.
 */
export async function settleSpend(deps: Pick<CoreDeps, 'spend' | 'logger'>, ctx: CallContext, hold: SpendHold | undefined, actual: SpendActual): Promise<void> {
  if (!hold || !deps.spend) return;
  await deps.spend.settle(hold, actual).catch((error: unknown) => {
    deps.logger?.warn({ tenant: ctx.tenant, jobId: ctx.jobId, err: error instanceof Error ? error.message : String(error) }, 'spend hold not settled; it lapses at its expiry');
  });
}

/**
 * Counts an answered call in the ledger, then settles its spend hold with what was counted (zero for
 * a replayed idempotency key, which the ledger does not count again).
 */
export async function recordAndSettle(
  deps: Pick<CoreDeps, 'spend' | 'logger' | 'ledger'>,
  ctx: CallContext,
  hold: SpendHold | undefined,
  usage: Parameters<UsageLedger['record']>[0],
): Promise<void> {
  let counted = false;
  try {
    counted = deps.ledger ? await deps.ledger.record(usage) : true;
  } finally {
    await settleSpend(deps, ctx, hold, counted ? { nanoUsd: usage.costNanoUsd, tokens: usage.inputTokens + usage.outputTokens } : NOTHING_SPENT);
  }
}

export function idempotencyKeyOf(ctx: CallContext, suffix = ''): string {
  return `${ctx.idempotencyKey ?? randomUUID()}${suffix}`;
}
