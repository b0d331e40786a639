import type { RedisClient } from '@llmops/redis';
import { limitsKeys } from '../keys';

/** The kinds of limit a request can be refused by (the `limit` label). */
export const limitKinds = ['rate', 'concurrency', 'work', 'budget', 'storage'] as const;
export type LimitKind = (typeof limitKinds)[number];

/** Map a refusal's limit name (`budget.day.usd`, `work.maxCallsPerJob`, `job.maxCostUsd`) to its kind. */
export function kindOf(limit: string): LimitKind {
  const head = limit.split('.')[0];
  if (head === 'job') return 'budget';
  return (limitKinds as readonly string[]).includes(head ?? '') ? (head as LimitKind) : 'work';
}

export interface RefusalCount {
  tenant: string;
  limit: LimitKind;
  count: number;
}

/** Refusals by tenant and kind of limit, in one Redis hash, so every replica's add up. */
export interface RefusalCounter {
  record(tenant: string, limit: LimitKind, n?: number): Promise<void>;
  /** Every (tenant, limit) counted so far: the `llmops_limit_refusals_total{tenant,limit}` series. */
  read(): Promise<RefusalCount[]>;
}

export function createRefusalCounter(redis: RedisClient, options: { keyPrefix: string }): RefusalCounter {
  const key = limitsKeys(options.keyPrefix).refusals;
  return {
    async record(tenant, limit, n = 1) {
      await redis.hincrby(key, `${tenant}|${limit}`, n);
    },
    async read() {
      const raw = await redis.hgetall(key);
      return Object.entries(raw)
        .map(([field, value]) => {
          const cut = field.lastIndexOf('|');
          return { tenant: field.slice(0, cut), limit: field.slice(cut + 1) as LimitKind, count: Number(value) };
        })
        .sort((a, b) => a.tenant.localeCompare(b.tenant) || a.limit.localeCompare(b.limit));
    },
  };
}
