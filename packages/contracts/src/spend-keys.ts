import { jobTag } from './hash-tags';

/**
 * The Redis keys of the usage ledger and of the spend counters that budgets are checked against.
 * @llmops/llm writes them (one Lua script, atomically with the idempotency check) and @llmops/limits
 * reads them, so their names live here once. Every key of a tenant carries the hash tag
 * `{t:<tenant>}`: on Redis Cluster they share one slot, so one script may touch them all.
 */

/** The hash tag that puts every per-tenant key in one Redis Cluster slot. */
export function tenantTag(tenant: string): string {
  return `{t:${tenant}}`;
}

/** `YYYY-MM-DD` of a time, in UTC: the day a spend counts for. */
export function utcDayOf(at: Date | number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** `YYYY-MM` of a time, in UTC: the month a spend counts for. */
export function utcMonthOf(at: Date | number): string {
  return new Date(at).toISOString().slice(0, 7);
}

/**
 * Fields of a spend counter hash: totals (`nano`, `tokens`) and per model (`nano:<model>`,
 * `tokens:<model>`). Nano = integer nano-USD; tokens = input + output tokens.
 */
export const spendFields = {
  nano: 'nano',
  tokens: 'tokens',
  modelNano: (model: string) => `nano:${model}`,
  modelTokens: (model: string) => `tokens:${model}`,
} as const;

/**
 * Key producer of the ledger and spend counters under one prefix (the LLM client's ledger prefix,
 * e.g. `<deployment>:llm`).
 */
export function spendKeys(prefix: string) {
  return {
    prefix,
    /** SET NX marker: this logical call was already counted. */
    idempotency: (tenant: string, key: string) => `${prefix}:usage:idem:${tenantTag(tenant)}:${key}`,
    /** Hash of a tenant's usage for one UTC day, fields `model|jobType|metric`. */
    usageDay: (tenant: string, day: string) => `${prefix}:usage:${tenantTag(tenant)}:${day}`,
    /** Hash of a tenant's spend in one UTC day (`YYYY-MM-DD`), fields {@link spendFields}. */
    spendDay: (tenant: string, day: string) => `${prefix}:spend:${tenantTag(tenant)}:day:${day}`,
    /** Hash of a tenant's spend in one UTC month (`YYYY-MM`), fields {@link spendFields}. */
    spendMonth: (tenant: string, month: string) => `${prefix}:spend:${tenantTag(tenant)}:month:${month}`,
    /**
     * A job's provider-call journal (one hash, so its scripts touch one key): calls sent and not yet
     * answered, answers kept for replay, the job's billed and wasted totals. `scope` is the job id
     * (for calls outside a job: `tenant:<tenant>`). Named in jobDataKeys too, so a job's cleanup finds it;
     * it carries the job's hash tag like every other key of the job.
     */
    callJournal: (scope: string) => `${prefix}:calls:${jobTag(scope)}`,
    /** Hash of provider-call event counters (retries, 429 waits, limiter waits, replays, unknown outcomes). */
    callEvents: `${prefix}:metrics:call-events`,
  };
}

/** The LLM client's key prefix (ledger, spend counters, limiter, call journal) under a deployment prefix. */
export function llmKeyPrefix(prefix: string): string {
  return `${prefix}:llm`;
}
export type SpendKeys = ReturnType<typeof spendKeys>;

/** How long the spend counters are kept: a little past their period, for `status` and audits. */
export const spendRetentionSeconds = { day: 40 * 86_400, month: 400 * 86_400 } as const;
