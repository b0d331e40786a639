import type { RedisClient } from '@llmops/redis';
import { llmKeyPrefix } from '@llmops/contracts';
import { createAdmission, type Admission, type AdmissionRefusal, type AdmitJob } from './admission';
import { createBudgets, type BudgetRefusal, type Budgets, type BudgetsOptions, type BudgetStatus, type JobAmounts } from './budget/budgets';
import { createSpendGuard, type SpendGuardImpl } from './budget/guard';
import { limitsFor, type TenantLimits, type TenantLimitsConfig } from './config';
import { workProblem, type WorkProblem } from './estimate/problem';
import type { WorkEstimate } from './estimate/tally';
import { createFairScheduler, type FairOptions, type FairScheduler } from './fair/fair';
import { createRefusalCounter, type LimitKind, type RefusalCounter } from './metrics/refusals';
import { createWaitTimes, type WaitTimes } from './metrics/wait-histogram';
import { createRateLimiter, type RateDecision, type RateLimiter } from './rate';

export interface TenantLimitsOptions {
  /** A client-role connection (the caller owns it). */
  redis: RedisClient;
  /** The deployment's key prefix; this package writes under `<keyPrefix>:limits:`. */
  keyPrefix: string;
  /** Where the LLM ledger keeps spend counters (its `ledger.keyPrefix`). Default `<keyPrefix>:llm`. */
  spendKeyPrefix?: string;
  /** TENANT_LIMITS, parsed with `parseTenantLimits`. */
  config: TenantLimitsConfig;
  /** Whether a job id is still waiting or active, for healing missed releases. Default: no healing. */
  isUnfinished?: (jobId: string) => Promise<boolean>;
  /** Fair scheduling settings (group size K 16, enabled). */
  fairness?: Omit<FairOptions, 'keyPrefix' | 'now'>;
  /** Hold lifetimes (call 15 min, job 7 days). */
  budgets?: Pick<BudgetsOptions, 'callHoldTtlMs' | 'jobHoldTtlMs'>;
  /** Wall clock (budget periods, hold expiry, admission ages). Default Date.now. */
  now?: () => number;
}

/** Any refusal: which kind of limit, and its numbers (the body of a 429 or 413). */
export type LimitRefusal =
  | { kind: 'rate'; refusal: { limit: 'rate'; cap: number; remaining: number; retryAfterMs: number } }
  | { kind: 'concurrency' | 'storage'; refusal: AdmissionRefusal }
  | { kind: 'work'; refusal: WorkProblem }
  | { kind: 'budget'; refusal: BudgetRefusal };

/** One job of a submission: its id, stored bytes and (for budgets) its estimate. */
export interface SubmittedJob extends AdmitJob {
  estimate?: JobAmounts;
}

export interface AdmitRequest {
  tenant: string;
  /** The BullMQ queue the jobs go to (fairness is per queue). */
  queue: string;
  jobs: readonly SubmittedJob[];
  /** Caps what each job's calls may spend (decimal dollars). */
  maxCostUsd?: string;
}

export type AdmitOutcome = { ok: true; priorities: (number | undefined)[]; tags: number[]; undo(): Promise<void> } | ({ ok: false } & LimitRefusal);

/** Every limit of a tenant with its configured value, use and what is left (`GET /v1/limits`). */
export interface LimitsStatus {
  tenant: string;
  rate: { perSecond: number; burst: number; remaining: number };
  concurrency: { maxJobs: number; used: number; remaining: number };
  storage: { maxWaitingBytes: number; used: number; remaining: number };
  work: TenantLimits['work'];
  budgets: BudgetStatus[];
}

export interface TenantLimitsService {
  limitsFor(tenant: string): TenantLimits;
  /** Takes one request from the tenant's rate bucket (counts a refusal). */
  checkRate(tenant: string, cost?: number): Promise<RateDecision>;
  /** The first work cap the estimate passes (counts a refusal), or undefined. */
  checkWork(tenant: string, estimate: WorkEstimate): Promise<WorkProblem | undefined>;
  /**
   * Admits a submission all-or-nothing: concurrency and waiting bytes, then each job's budget
   * reservation, then fair priorities. `undo` gives everything back (the jobs could not be created).
   */
  admit(request: AdmitRequest): Promise<AdmitOutcome>;
  /** A worker started the job: its bytes stop waiting, virtual time advances, its wait is recorded. */
  jobStarted(job: { tenant: string; queue: string; jobId: string; priority?: number; waitedMs?: number }): Promise<void>;
  /** The job ended (any way): its slot and its unused reservation are given back. */
  jobEnded(job: { tenant: string; jobId: string }): Promise<void>;
  status(tenant: string): Promise<LimitsStatus>;
  /** For `createLlmClient({ spend })`. */
  readonly spendGuard: SpendGuardImpl;
  readonly rate: RateLimiter;
  readonly admission: Admission;
  readonly budgets: Budgets;
  readonly fair: FairScheduler;
  readonly refusals: RefusalCounter;
  readonly waits: WaitTimes;
}

/** Every limit behind one object, as the API and the worker use them. */
export function createTenantLimits(options: TenantLimitsOptions): TenantLimitsService {
  const { redis, keyPrefix, config } = options;
  const now = options.now ?? Date.now;
  const refusals = createRefusalCounter(redis, { keyPrefix });
  const rate = createRateLimiter(redis, { keyPrefix });
  const admission = createAdmission(redis, { keyPrefix, now, ...(options.isUnfinished ? { isUnfinished: options.isUnfinished } : {}) });
  const budgets = createBudgets(redis, {
    keyPrefix,
    spendKeyPrefix: options.spendKeyPrefix ?? llmKeyPrefix(keyPrefix),
    config,
    now,
    refusals,
    ...options.budgets,
  });
  const fair = createFairScheduler(redis, { keyPrefix, now, ...options.fairness });
  const waits = createWaitTimes(redis, { keyPrefix });
  const resolve = (tenant: string) => limitsFor(config, tenant);
  const refused = (tenant: string, kind: LimitKind) => refusals.record(tenant, kind).catch(() => {});

  return {
    limitsFor: resolve,
    spendGuard: createSpendGuard(budgets),
    rate,
    admission,
    budgets,
    fair,
    refusals,
    waits,
    async checkRate(tenant, cost = 1) {
      const decision = await rate.take(tenant, resolve(tenant).rate, cost);
      if (!decision.allowed) await refused(tenant, 'rate');
      return decision;
    },
    async checkWork(tenant, estimate) {
      const problem = workProblem(estimate, resolve(tenant).work);
      if (problem) await refused(tenant, 'work');
      return problem;
    },
    async admit(request) {
      const { tenant, jobs } = request;
      const limits = resolve(tenant);
      const admitted = await admission.admit(tenant, jobs, { maxJobs: limits.concurrency.maxJobs, maxWaitingBytes: limits.storage.maxWaitingBytes });
      if (!admitted.ok) {
        const kind = admitted.refusal.limit === 'concurrency.maxJobs' ? 'concurrency' : 'storage';
        await refused(tenant, kind);
        return { ok: false, kind, refusal: admitted.refusal };
      }
      const releaseAll = () =>
        Promise.all(jobs.map((job) => Promise.all([admission.release(tenant, job.id), budgets.releaseJob(tenant, job.id)]))).then(() => {});
      // Sent together (one pipeline); each reservation is atomic, and any refusal undoes them all.
      const zero: JobAmounts = { costNanoUsd: 0n, inputTokens: 0, outputTokens: 0, byModel: [] };
      const held = await Promise.all(
        jobs
          .filter((job) => job.estimate || request.maxCostUsd !== undefined)
          .map((job) => budgets.reserveJob(tenant, job.id, job.estimate ?? zero, request.maxCostUsd)),
      );
      const refusal = held.find((result) => !result.ok);
      if (refusal && !refusal.ok) {
        await releaseAll();
        await refused(tenant, 'budget');
        return { ok: false, kind: 'budget', refusal: refusal.refusal };
      }
      const assignment = await fair.assign(request.queue, tenant, jobs.length);
      return { ok: true, priorities: assignment.priorities, tags: assignment.tags, undo: releaseAll };
    },
    async jobStarted(job) {
      await Promise.all([
        admission.started(job.tenant, job.jobId),
        fair.started(job.queue, job.priority),
        job.waitedMs === undefined ? undefined : waits.record(job.queue, job.tenant, job.waitedMs / 1000),
      ]);
    },
    async jobEnded(job) {
      await Promise.all([admission.release(job.tenant, job.jobId), budgets.releaseJob(job.tenant, job.jobId)]);
    },
    async status(tenant) {
      const limits = resolve(tenant);
      const [bucket, usage, budgetLines] = await Promise.all([rate.peek(tenant, limits.rate), admission.usage(tenant), budgets.status(tenant)]);
      return {
        tenant,
        rate: { ...limits.rate, remaining: bucket.remaining },
        concurrency: { maxJobs: limits.concurrency.maxJobs, used: usage.jobs, remaining: Math.max(0, limits.concurrency.maxJobs - usage.jobs) },
        storage: {
          maxWaitingBytes: limits.storage.maxWaitingBytes,
          used: usage.waitingBytes,
          remaining: Math.max(0, limits.storage.maxWaitingBytes - usage.waitingBytes),
        },
        work: limits.work,
        budgets: budgetLines,
      };
    },
  };
}
