import type OpenAI from 'openai';
import { APIError } from 'openai';
import { BudgetExhaustedError } from './budget-error';
import { newAttemptId, requestIdOf } from './call-key';
import { classifyError } from './classify';
import type { CallEvents, Logger } from './events';
import type { CallJournal, CountRecord, JournalScope, StoredAnswer } from './journal';
import type { UsageLedger } from './ledger';
import type { RateLimiter } from './limiter';
import type { Route } from './providers';
import { callWithRetries, type RetryOptions } from './retry';
import { NOTHING_SPENT, type SpendActual, type SpendGuard, type SpendHold } from './spend';
import { noteRetry, tracedAcquire } from './attempt-tracing';

export type { Logger } from './events';

/** Who a call is for and how it is counted; every public call takes one. */
export interface CallContext {
  /** Tenant the usage is charged to and the limiter is fair between. */
  tenant: string;
  /** Job type the ledger groups usage by, e.g. `"inference"`. */
  jobType: string;
  /**
   * The job the call belongs to: its spend reservation is drawn from first, its call journal keeps
   * the answers (so a restarted attempt does not pay twice) and its billed and wasted totals.
   */
  jobId?: string;
  /**
   * Names the logical call, attempt-independent, e.g. `${jobId}:${itemId}`. It is combined with a
   * hash of the whole request (model, dimensions, parameters, inputs), so two different requests
   * never share an identity. The same key with the same request is the same call: once answered, it
   * is replayed from the journal instead of being sent again. Default: none (every invocation is a
   * new call).
   */
  idempotencyKey?: string;
  /** Overrides the client's retry budget for this call. */
  retry?: RetryOptions;
  /** Cancels waiting and the HTTP request. */
  signal?: AbortSignal;
  /** Where this call's retries and waits are logged (a job's logger carries job and tenant). Default: the client's. */
  logger?: Logger;
}

export interface CoreDeps {
  limiter: RateLimiter | undefined;
  spend: SpendGuard | undefined;
  ledger: UsageLedger | undefined;
  journal: CallJournal | undefined;
  events: CallEvents;
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

/** One logical call: its identity and where it is journaled (no journal: no replay, no job totals). */
export interface PlannedCall {
  call: string;
  model: string;
  scope: JournalScope | undefined;
  /** Only a caller-named call can be found again by a restarted attempt. */
  replayable: boolean;
}

export function planCall(deps: Pick<CoreDeps, 'journal'>, ctx: CallContext, call: string, model: string): PlannedCall {
  const journaled = deps.journal && (ctx.jobId !== undefined || ctx.idempotencyKey !== undefined);
  return { call, model, scope: journaled ? deps.journal!.scopeOf(ctx.tenant, ctx.jobId) : undefined, replayable: ctx.idempotencyKey !== undefined };
}

/**
 * The answer an earlier attempt got for this call, if the journal kept it. An answer a crash left
 * uncounted (between keeping it and the ledger) is counted now, exactly once.
 */
export async function replayOf(deps: CoreDeps, ctx: CallContext, plan: PlannedCall): Promise<StoredAnswer | undefined> {
  if (!plan.replayable || !plan.scope || !deps.journal) return undefined;
  const found = await deps.journal.lookup(plan.scope, plan.call);
  if (!found) return undefined;
  if (found.uncounted) {
    await countRecord(deps, ctx, undefined, found.answer.attemptId, found.uncounted);
    await deps.journal.finished(plan.scope, found.answer.attemptId);
  }
  deps.events.emit({ kind: 'replay', tenant: ctx.tenant, jobType: ctx.jobType, jobId: ctx.jobId, model: plan.model }, ctx.logger);
  return found.answer;
}

/**
 * Sends one logical call: per attempt, hold its worst-case cost with the spend guard, wait for the
 * limiter, write the attempt ahead in the journal, send, then reconcile the reservation with the real
 * usage. A 429 releases the whole reservation (the provider did not count it); other failures keep the
 * request and the prompt part, since the provider may have processed them. An attempt the provider
 * refused with an error status is struck from the journal; one that ended without an answer
 * (timeout, abort, reset) stays in it as sent: its outcome is unknown. The answered attempt's hold and
 * id are returned; `settleAnswer` journals and counts it.
 */
export async function limitedCall<T>(
  deps: CoreDeps,
  route: Route,
  ctx: CallContext,
  plan: PlannedCall,
  estimate: { promptTokens: number; outputTokens: number; spend?: SpendEstimate },
  send: (client: OpenAI, options: { signal?: AbortSignal; headers: Record<string, string> }) => Promise<AttemptOutcome<T>>,
): Promise<{ value: T; attempts: number; hold: SpendHold | undefined; attemptId: string }> {
  let attempts = 0;
  let hold: SpendHold | undefined;
  let attemptId = '';
  const { model } = plan;
  const event = { tenant: ctx.tenant, jobType: ctx.jobType, jobId: ctx.jobId, model, scope: route.scope };
  const value = await callWithRetries(
    async (attempt) => {
      attempts = attempt;
      ctx.signal?.throwIfAborted();
      hold = estimate.spend ? await reserveSpend(deps, ctx, estimate.spend) : undefined;
      let reservation: Awaited<ReturnType<RateLimiter['acquire']>>;
      try {
        const tokens = estimate.promptTokens + estimate.outputTokens;
        const limiter = deps.limiter;
        reservation = limiter
          ? await tracedAcquire(route.scope, tokens, attempt, (traced) =>
              limiter.acquire(route.scope, route.limits, ctx.tenant, tokens, ctx.signal, (waitMs) => {
                traced(waitMs);
                deps.events.emit({ kind: 'limiter_wait', ...event, waitMs, attempt }, ctx.logger);
              }),
            )
          : undefined;
      } catch (error) {
        await settleSpend(deps, ctx, hold, NOTHING_SPENT);
        throw error;
      }
      attemptId = newAttemptId();
      try {
        // A stop while waiting for the limiter sends nothing (and writes nothing for a job being cleaned up).
        ctx.signal?.throwIfAborted();
        if (plan.scope) await deps.journal?.sent(plan.scope, attemptId, { call: plan.call, model, jobType: ctx.jobType, at: deps.now() });
        const headers = { 'X-Client-Request-Id': requestIdOf(plan.call, attemptId) };
        const outcome = await send(route.client, { ...(ctx.signal ? { signal: ctx.signal } : {}), headers });
        await deps.limiter?.reconcile(reservation, outcome.actualTokens);
        return outcome.value;
      } catch (error) {
        const limited = classifyError(error).kind === 'rate-limited';
        await deps.limiter?.reconcile(reservation, limited ? 0 : estimate.promptTokens, { keepRequest: !limited }).catch(() => {});
        if (plan.scope && providerRefused(error)) await deps.journal?.refused(plan.scope, attemptId).catch(() => {});
        await settleSpend(deps, ctx, hold, NOTHING_SPENT);
        throw error;
      }
    },
    { ...deps.retry, ...ctx.retry },
    {
      sleep: deps.sleep,
      now: deps.now,
      random: deps.random,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      onRetry: ({ attempt, delayMs, error }) => {
        const reason = error.status !== undefined ? String(error.status) : error.name;
        noteRetry(attempt, delayMs, reason, error.kind === 'rate-limited');
        deps.events.emit(
          { kind: error.kind === 'rate-limited' ? 'rate_limit_wait' : 'retry', ...event, attempt, waitMs: delayMs, reason, error: error.message },
          ctx.logger,
        );
      },
    },
  );
  return { value, attempts, hold, attemptId };
}

/** The provider answered with an error status: it did not bill the attempt. */
function providerRefused(error: unknown): boolean {
  return error instanceof APIError && typeof error.status === 'number';
}

/**
 * An answered attempt: keep the answer and its usage in the journal first (so a crash from here on
 * loses neither), count it in the ledger, add it to the job's totals, then settle its spend hold.
 */
export async function settleAnswer(
  deps: CoreDeps,
  ctx: CallContext,
  plan: PlannedCall,
  answered: { attemptId: string; hold: SpendHold | undefined; record: CountRecord; answer: StoredAnswer | undefined },
): Promise<void> {
  const { attemptId, hold, record } = answered;
  if (plan.scope && deps.journal) {
    try {
      await deps.journal.answered(plan.scope, attemptId, plan.call, record, plan.replayable ? answered.answer : undefined);
    } catch (error) {
      await settleSpend(deps, ctx, hold, NOTHING_SPENT);
      throw error;
    }
  }
  await countRecord(deps, ctx, hold, attemptId, record);
  if (plan.scope) await deps.journal?.finished(plan.scope, attemptId);
}

/** Counts an answered attempt in the ledger (once per attempt id) and settles its hold with what was counted. */
async function countRecord(deps: CoreDeps, ctx: CallContext, hold: SpendHold | undefined, attemptId: string, record: CountRecord): Promise<void> {
  await recordAndSettle(deps, ctx, hold, {
    tenant: record.tenant,
    model: record.model,
    jobType: record.jobType,
    provider: record.provider,
    idempotencyKey: attemptId,
    requestId: record.requestId,
    requests: 1,
    inputTokens: record.usage.inputTokens,
    outputTokens: record.usage.outputTokens,
    costNanoUsd: BigInt(record.costNanoUsd),
    at: new Date(record.at),
  });
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
    (ctx.logger ?? deps.logger)?.warn(
      { tenant: ctx.tenant, jobId: ctx.jobId, err: error instanceof Error ? error.message : String(error) },
      'spend hold not settled; it lapses at its expiry',
    );
  });
}

/**
 * Counts an answer in the ledger, then settles its spend hold with what was counted (zero when the
 * ledger had already counted this answer: a resent record after a Redis blip).
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
