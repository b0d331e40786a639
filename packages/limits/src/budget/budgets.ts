import { randomUUID } from 'node:crypto';
import { spendFields, spendKeys, utcDayOf, utcMonthOf, readJson } from '@llmops/contracts';
import { nanoToUsdString, usdStringToNano } from '@llmops/tokens';
import type { RedisClient } from '@llmops/redis';
import { z } from 'zod';
import { limitsFor, type BudgetLine, type TenantLimitsConfig } from '../config';
import { limitsKeys } from '../keys';
import type { RefusalCounter } from '../metrics/refusals';
import { RELEASE_JOB, RESERVE_CALL, RESERVE_JOB, SETTLE_CALL, SWEEP } from './scripts';

/** Why a budget refused, with the numbers (USD as exact decimal strings, tokens as numbers). */
export interface BudgetRefusal {
  /** `budget.day.usd`, `budget.models.<model>.month.tokens`, ... or `job.maxCostUsd`. */
  limit: string;
  period: 'day' | 'month' | 'job';
  model?: string;
  unit: 'usd' | 'tokens';
  cap: string | number;
  spent: string | number;
  /** Held by other jobs and calls in flight (for `job.maxCostUsd`: this job's calls in flight). */
  reserved: string | number;
  remaining: string | number;
  /** What the job or call asked to hold against this limit. */
  requested: string | number;
}

/** What a job is expected to spend: a WorkEstimate fits. */
export interface JobAmounts {
  costNanoUsd: bigint;
  inputTokens: number;
  outputTokens: number;
  byModel: readonly { model: string; costNanoUsd: bigint; inputTokens: number; outputTokens: number }[];
}

export type JobReservation = { ok: true; alreadyHeld: boolean } | { ok: false; refusal: BudgetRefusal };

/** A call's hold, returned to `settle` (the shape @llmops/llm's SpendHold expects). */
export interface CallHold {
  readonly tenant: string;
  readonly id: string;
}

export type CallDecision = { ok: true; hold: CallHold } | { ok: false; refusal: BudgetRefusal };

/** One budget as it stands. */
export interface BudgetStatus {
  limit: string;
  period: 'day' | 'month';
  model?: string;
  unit: 'usd' | 'tokens';
  cap: string | number;
  spent: string | number;
  reserved: string | number;
  remaining: string | number;
  /** When the period ends (ISO, UTC). */
  resetsAt: string;
}

export interface BudgetsOptions {
  /** Prefix of the keys this package writes (holds, reservations). */
  keyPrefix: string;
  /** Prefix the LLM client's ledger writes spend counters under (its `ledger.keyPrefix`, e.g. `<prefix>:llm`). */
  spendKeyPrefix: string;
  /** TENANT_LIMITS, parsed. */
  config: TenantLimitsConfig;
  /** How long a call's hold lives if it is never settled (its process died). Default 15 min. */
  callHoldTtlMs?: number;
  /** How long a job's reservation lives if it is never released: the job retention. Default 7 days. */
  jobHoldTtlMs?: number;
  /** Counts refused calls for /metrics (job refusals are counted by `createTenantLimits().admit`). Default: not counted. */
  refusals?: RefusalCounter;
  /** Wall clock: decides the UTC day and month, and hold expiry. Default Date.now. */
  now?: () => number;
}

export interface Budgets {
  /**
   * At submission: holds the job's estimate (nano-USD capped at `maxCostUsd`) if it fits every budget
   * after what is spent and what other jobs and calls hold; else refuses with the numbers. Atomic per
   * tenant, so concurrent submissions cannot both fit where together they would not. Idempotent per job.
   * `maxCostUsd` (decimal string) also caps what the job's calls may spend in total.
   */
  reserveJob(tenant: string, jobId: string, estimate: JobAmounts, maxCostUsd?: string): Promise<JobReservation>;
  /** When the job ends: what it still holds is given back. Idempotent. */
  releaseJob(tenant: string, jobId: string): Promise<void>;
  /** Before a provider attempt: holds its worst case, drawing first from its job's reservation. */
  reserveCall(request: {
    tenant: string;
    jobId?: string;
    model: string;
    estimatedNanoUsd: bigint;
    estimatedTokens: number;
    ttlMs?: number;
  }): Promise<CallDecision>;
  /** After the attempt: ends the hold with what the ledger counted. Idempotent. */
  settle(hold: CallHold, actual: { nanoUsd: bigint; tokens: number }): Promise<void>;
  /** Every budget of the tenant with its cap, spent, reserved and remaining. */
  status(tenant: string): Promise<BudgetStatus[]>;
}

type Reply = (string | number)[];
type RedisWithBudgets = RedisClient & {
  limitsReserveJob(...args: (string | number)[]): Promise<Reply>;
  limitsReserveCall(...args: (string | number)[]): Promise<Reply>;
  limitsSettleCall(...args: (string | number)[]): Promise<number>;
  limitsReleaseJob(...args: (string | number)[]): Promise<number>;
  limitsSweepHolds(...args: (string | number)[]): Promise<number>;
};

/** A hold as the Lua scripts store it (amounts as decimal strings). */
const StoredHold = z.object({
  k: z.enum(['job', 'call']),
  a: z.union([z.record(z.string(), z.string()), z.array(z.never())]),
  exp: z.string(),
  job: z.string().optional(),
  cap: z.string().optional(),
  used: z.string().optional(),
  fly: z.string().optional(),
});

const fieldOf = (line: Pick<BudgetLine, 'unit' | 'model'>) =>
  line.unit === 'usd'
    ? line.model
      ? spendFields.modelNano(line.model)
      : spendFields.nano
    : line.model
      ? spendFields.modelTokens(line.model)
      : spendFields.tokens;

const amount = (unit: 'usd' | 'tokens', value: bigint): string | number => (unit === 'usd' ? nanoToUsdString(value) : Number(value));

/** Budgets with reservations, in Redis, shared by every API and worker replica. */
export function createBudgets(redis: RedisClient, options: BudgetsOptions): Budgets {
  const keys = limitsKeys(options.keyPrefix);
  const spend = spendKeys(options.spendKeyPrefix);
  const now = options.now ?? Date.now;
  const callTtl = options.callHoldTtlMs ?? 15 * 60_000;
  const jobTtl = options.jobHoldTtlMs ?? 7 * 86_400_000;
  const r = redis as RedisWithBudgets;
  if (typeof r.limitsReserveJob !== 'function') {
    redis.defineCommand('limitsReserveJob', { numberOfKeys: 5, lua: RESERVE_JOB });
    redis.defineCommand('limitsReserveCall', { numberOfKeys: 5, lua: RESERVE_CALL });
    redis.defineCommand('limitsSettleCall', { numberOfKeys: 3, lua: SETTLE_CALL });
    redis.defineCommand('limitsReleaseJob', { numberOfKeys: 3, lua: RELEASE_JOB });
    redis.defineCommand('limitsSweepHolds', { numberOfKeys: 3, lua: SWEEP });
  }
  const holdKeys = (tenant: string) => [keys.reserved(tenant), keys.holds(tenant), keys.holdExpiry(tenant)];
  const checkKeys = (tenant: string, at: number) => [...holdKeys(tenant), spend.spendDay(tenant, utcDayOf(at)), spend.spendMonth(tenant, utcMonthOf(at))];
  const linesArgs = (lines: readonly BudgetLine[]) => [lines.length, ...lines.flatMap((line) => [line.period, fieldOf(line), line.cap.toString()])];
  const pairs = (amounts: Map<string, bigint>) => [...amounts].flatMap(([field, value]) => [field, value.toString()]);

  const refusalOf = (lines: readonly BudgetLine[], reply: Reply, jobCap?: bigint): BudgetRefusal => {
    const [, which, spentRaw, reservedRaw, wantRaw] = reply.map(String);
    const [spent, reserved, want] = [BigInt(spentRaw ?? '0'), BigInt(reservedRaw ?? '0'), BigInt(wantRaw ?? '0')];
    const line = which === '0' ? undefined : lines[Number(which) - 1];
    const cap = line ? line.cap : (jobCap ?? 0n);
    const unit = line?.unit ?? 'usd';
    const remaining = cap - spent - reserved > 0n ? cap - spent - reserved : 0n;
    return {
      limit: line?.limit ?? 'job.maxCostUsd',
      period: line?.period ?? 'job',
      ...(line?.model !== undefined ? { model: line.model } : {}),
      unit,
      cap: amount(unit, cap),
      spent: amount(unit, spent),
      reserved: amount(unit, reserved),
      remaining: amount(unit, remaining),
      requested: amount(unit, want),
    };
  };

  const linesFor = (tenant: string): BudgetLine[] => limitsFor(options.config, tenant).budgets;

  return {
    async reserveJob(tenant, jobId, estimate, maxCostUsd) {
      const capNano = maxCostUsd === undefined ? undefined : usdStringToNano(maxCostUsd);
      const at = now();
      const lines = linesFor(tenant);
      const reply = await r.limitsReserveJob(
        ...checkKeys(tenant, at),
        at,
        `job:${jobId}`,
        at + jobTtl,
        capNano === undefined ? '' : capNano.toString(),
        ...linesArgs(lines),
        ...pairs(jobAmounts(estimate, capNano)),
        spendFields.nano,
      );
      if (Number(reply[0]) === 1) return { ok: true, alreadyHeld: reply[1] === 'exists' };
      return { ok: false, refusal: refusalOf(lines, reply) };
    },
    async releaseJob(tenant, jobId) {
      await r.limitsReleaseJob(...holdKeys(tenant), now(), `job:${jobId}`, spendFields.nano);
    },
    async reserveCall(request) {
      const at = now();
      const lines = linesFor(request.tenant);
      const id = `call:${randomUUID()}`;
      const amounts = new Map([
        [spendFields.nano, request.estimatedNanoUsd],
        [spendFields.modelNano(request.model), request.estimatedNanoUsd],
        [spendFields.tokens, BigInt(request.estimatedTokens)],
        [spendFields.modelTokens(request.model), BigInt(request.estimatedTokens)],
      ]);
      const reply = await r.limitsReserveCall(
        ...checkKeys(request.tenant, at),
        at,
        id,
        at + (request.ttlMs ?? callTtl),
        request.jobId ?? '',
        ...linesArgs(lines),
        ...pairs(amounts),
        spendFields.nano,
      );
      if (Number(reply[0]) === 1) return { ok: true, hold: { tenant: request.tenant, id } };
      const jobCap = reply[1] === '0' ? await jobCapOf(request.tenant, request.jobId) : undefined;
      await options.refusals?.record(request.tenant, 'budget').catch(() => {});
      return { ok: false, refusal: refusalOf(lines, reply, jobCap) };
    },
    async settle(hold, actual) {
      await r.limitsSettleCall(...holdKeys(hold.tenant), now(), hold.id, actual.nanoUsd.toString(), actual.tokens, spendFields.tokens, spendFields.nano);
    },
    async status(tenant) {
      const at = now();
      await r.limitsSweepHolds(...holdKeys(tenant), at, spendFields.nano);
      const [day, month, reserved] = await Promise.all([
        redis.hgetall(spend.spendDay(tenant, utcDayOf(at))),
        redis.hgetall(spend.spendMonth(tenant, utcMonthOf(at))),
        redis.hgetall(keys.reserved(tenant)),
      ]);
      return linesFor(tenant).map((line) => {
        const field = fieldOf(line);
        const spent = BigInt((line.period === 'day' ? day : month)[field] ?? '0');
        const held = BigInt(reserved[field] ?? '0') > 0n ? BigInt(reserved[field] ?? '0') : 0n;
        const left = line.cap - spent - held;
        return {
          limit: line.limit,
          period: line.period,
          ...(line.model !== undefined ? { model: line.model } : {}),
          unit: line.unit,
          cap: amount(line.unit, line.cap),
          spent: amount(line.unit, spent),
          reserved: amount(line.unit, held),
          remaining: amount(line.unit, left > 0n ? left : 0n),
          resetsAt: periodEnd(line.period, at),
        };
      });
    },
  };

  async function jobCapOf(tenant: string, jobId: string | undefined): Promise<bigint | undefined> {
    if (!jobId) return undefined;
    const raw = await redis.hget(keys.holds(tenant), `job:${jobId}`);
    const cap = raw ? readJson(StoredHold, raw).cap : undefined;
    return cap === undefined ? undefined : BigInt(cap);
  }
}

/** The fields a job holds: total and per model, nano-USD capped at `capNano`, tokens = input + output. */
function jobAmounts(estimate: JobAmounts, capNano: bigint | undefined): Map<string, bigint> {
  const capped = (nano: bigint) => (capNano !== undefined && nano > capNano ? capNano : nano);
  const amounts = new Map<string, bigint>([
    [spendFields.nano, capped(estimate.costNanoUsd)],
    [spendFields.tokens, BigInt(estimate.inputTokens + estimate.outputTokens)],
  ]);
  const add = (field: string, value: bigint) => amounts.set(field, (amounts.get(field) ?? 0n) + value);
  for (const work of estimate.byModel) {
    add(spendFields.modelNano(work.model), work.costNanoUsd);
    add(spendFields.modelTokens(work.model), BigInt(work.inputTokens + work.outputTokens));
  }
  for (const [field, value] of amounts) if (field.startsWith(`${spendFields.nano}:`)) amounts.set(field, capped(value));
  return amounts;
}

/** The first instant of the next UTC day or month. */
function periodEnd(period: 'day' | 'month', at: number): string {
  const d = new Date(at);
  const end = period === 'day' ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1) : Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return new Date(end).toISOString();
}
