import { tenantTag } from '@llmops/contracts';

/** The hash tag of a queue's fairness state (one slot per queue on Redis Cluster). */
export function queueTag(queue: string): string {
  return `{q:${queue}}`;
}

/**
 * Every Redis key @llmops/limits writes, under one prefix (the deployment's, e.g. `llmops`). Keys of
 * one tenant carry `{t:<tenant>}`, keys of one queue `{q:<queue>}`, so each script's keys share a
 * Redis Cluster slot. The spend counters the budgets read are the ledger's (`spendKeys` in contracts).
 */
export function limitsKeys(prefix: string) {
  const base = `${prefix}:limits`;
  return {
    prefix,
    /** Hash `{tokens, ms}`: the tenant's request token bucket. */
    rate: (tenant: string) => `${base}:rate:${tenantTag(tenant)}`,
    /** Sorted set of the tenant's unfinished job ids, scored by admission time. */
    jobs: (tenant: string) => `${base}:jobs:${tenantTag(tenant)}`,
    /** Hash job id -> stored bytes of the tenant's waiting jobs, plus the `total` field. */
    waitingBytes: (tenant: string) => `${base}:bytes:${tenantTag(tenant)}`,
    /** Hash field -> amount held by jobs and calls (nano-USD and tokens, total and per model). */
    reserved: (tenant: string) => `${base}:reserved:${tenantTag(tenant)}`,
    /** Hash hold id -> JSON of one hold (a job's reservation or a call's worst case). */
    holds: (tenant: string) => `${base}:holds:${tenantTag(tenant)}`,
    /** Sorted set hold id -> expiry (ms): where leaked holds are found. */
    holdExpiry: (tenant: string) => `${base}:hold-expiry:${tenantTag(tenant)}`,
    /** Hash `V`, `max`, `at`, `t:<tenant>`: a queue's fair-scheduling state. */
    fair: (queue: string) => `${base}:fair:${queueTag(queue)}`,
    /** Hash `<tenant>|<limit>` -> refusals, all replicas. */
    refusals: `${base}:metrics:refusals`,
    /** Hash `<tenant>|<bucket>` (and `<tenant>|sum`) -> queue wait histogram of one queue. */
    waitHistogram: (queue: string) => `${base}:metrics:wait:${queue}`,
  };
}
export type LimitsKeys = ReturnType<typeof limitsKeys>;
