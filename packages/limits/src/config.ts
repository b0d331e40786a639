import { readFileSync } from 'node:fs';
import { TenantId } from '@llmops/contracts';
import { usdStringToNano } from '@llmops/tokens';
import { z } from 'zod';

const usd = z.string().regex(/^\d+(\.\d{1,9})?$/, 'a dollar amount as a decimal string, e.g. "25" or "0.05" (at most 9 decimals)');
const count = z.number().int().positive();

/** A spend budget for one period: dollars and/or tokens (input + output). `null` removes an inherited one. */
export const BudgetAmount = z.strictObject({
  /** Dollars, exact decimal string. Default: no dollar budget. */
  usd: usd.nullable().optional(),
  /** Input + output tokens. Default: no token budget. */
  tokens: count.nullable().optional(),
});
export type BudgetAmount = z.infer<typeof BudgetAmount>;

const PeriodBudgets = z.strictObject({
  /** Per UTC day (resets at 00:00 UTC). */
  day: BudgetAmount.optional(),
  /** Per UTC month. */
  month: BudgetAmount.optional(),
});

/** Every limit of one tenant, as written in TENANT_LIMITS; each field overrides the block above it. */
export const TenantLimitsBlock = z.strictObject({
  rate: z
    .strictObject({
      /** Requests per second refilled into the tenant's bucket, across all API replicas. Default 100. */
      perSecond: z.number().positive().max(1_000_000).optional(),
      /** Bucket size: requests that may arrive at once after a quiet spell. Default 500. */
      burst: count.optional(),
    })
    .optional(),
  concurrency: z
    .strictObject({
      /** Jobs waiting + active at once. Default 10,000. */
      maxJobs: count.optional(),
    })
    .optional(),
  work: z
    .strictObject({
      /** Items in one inference job. Default 10,000. */
      maxItemsPerJob: count.optional(),
      /** Estimated provider calls of one job (generations, judge calls, embeddings). Default 50,000. */
      maxCallsPerJob: count.optional(),
      /** Documents in one ingestion request. Default 100,000. */
      maxDocumentsPerRequest: count.optional(),
      /** Estimated chunks of one ingestion request. Default 1,000,000. */
      maxChunksPerRequest: count.optional(),
    })
    .optional(),
  budget: PeriodBudgets.extend({
    /** Per-model budgets by the model name as requested, e.g. `{"gpt-4o": {"day": {"usd": "5"}}}`. */
    models: z.record(z.string().min(1).max(200), PeriodBudgets).optional(),
  }).optional(),
  storage: z
    .strictObject({
      /** Bytes of stored payloads of this tenant's waiting jobs. Default 256 MiB. */
      maxWaitingBytes: count.optional(),
    })
    .optional(),
});
export type TenantLimitsBlock = z.infer<typeof TenantLimitsBlock>;

/**
 * TENANT_LIMITS: `{"default": {...}, "<tenant>": {...}}`. `default` applies to every tenant not named;
 * a tenant's block overrides the default field by field (budgets amount by amount).
 */
export const TenantLimitsConfig = z.record(TenantId, TenantLimitsBlock);
export type TenantLimitsConfig = z.infer<typeof TenantLimitsConfig>;

/** One budget line: what is limited, over which period, for which model (all models when absent). */
export interface BudgetLine {
  /** Name of the limit in refusals and status, e.g. `budget.day.usd`, `budget.models.gpt-4o.month.tokens`. */
  limit: string;
  period: 'day' | 'month';
  model?: string;
  unit: 'usd' | 'tokens';
  /** Nano-USD for `usd`, tokens for `tokens`. */
  cap: bigint;
}

/** The resolved limits of one tenant: every field set. */
export interface TenantLimits {
  rate: { perSecond: number; burst: number };
  concurrency: { maxJobs: number };
  work: { maxItemsPerJob: number; maxCallsPerJob: number; maxDocumentsPerRequest: number; maxChunksPerRequest: number };
  /** Flattened budgets; empty = no budget. */
  budgets: BudgetLine[];
  storage: { maxWaitingBytes: number };
}

/** What applies when TENANT_LIMITS is unset: no budget, a generous rate, and a work cap per job. */
export const builtInLimits: TenantLimitsBlock = {
  rate: { perSecond: 100, burst: 500 },
  concurrency: { maxJobs: 10_000 },
  work: { maxItemsPerJob: 10_000, maxCallsPerJob: 50_000, maxDocumentsPerRequest: 100_000, maxChunksPerRequest: 1_000_000 },
  storage: { maxWaitingBytes: 256 * 1024 * 1024 },
};

export class TenantLimitsConfigError extends Error {
  override readonly name = 'TenantLimitsConfigError';
}

/**
 * Parses TENANT_LIMITS: JSON text (starts with `{`), or a path to a JSON file. Empty = `{}` (built-in
 * defaults). Throws TenantLimitsConfigError naming each bad field (`acme.budget.day.usd`).
 */
export function parseTenantLimits(value: string | undefined): TenantLimitsConfig {
  const text = value?.trim() ?? '';
  if (text === '') return {};
  let json: unknown;
  const source = text.startsWith('{') ? 'TENANT_LIMITS' : text;
  try {
    json = JSON.parse(text.startsWith('{') ? text : readFileSync(text, 'utf8'));
  } catch (error) {
    throw new TenantLimitsConfigError(`${source} is not readable JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = TenantLimitsConfig.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new TenantLimitsConfigError(`${source} is invalid: ${issues.join('; ')}`);
  }
  return parsed.data;
}

/** The limits of `tenant`: built-in defaults, then the config's `default` block, then the tenant's own. */
export function limitsFor(config: TenantLimitsConfig, tenant: string): TenantLimits {
  const blocks = [builtInLimits, config.default ?? {}, tenant === 'default' ? {} : (config[tenant] ?? {})];
  const pick = <K extends 'rate' | 'concurrency' | 'work' | 'storage'>(key: K) =>
    Object.assign({}, ...blocks.map((block) => block[key] ?? {})) as Required<NonNullable<TenantLimitsBlock[K]>>;
  return { rate: pick('rate'), concurrency: pick('concurrency'), work: pick('work'), storage: pick('storage'), budgets: budgetLines(blocks) };
}

function budgetLines(blocks: TenantLimitsBlock[]): BudgetLine[] {
  const lines = new Map<string, BudgetLine>();
  const apply = (scope: string, model: string | undefined, periods: z.infer<typeof PeriodBudgets>) => {
    for (const period of ['day', 'month'] as const) {
      const amount = periods[period];
      if (!amount) continue;
      for (const unit of ['usd', 'tokens'] as const) {
        const value = amount[unit];
        if (value === undefined) continue;
        const limit = `${scope}.${period}.${unit}`;
        if (value === null) lines.delete(limit);
        else
          lines.set(limit, {
            limit,
            period,
            ...(model !== undefined ? { model } : {}),
            unit,
            cap: unit === 'usd' ? usdStringToNano(String(value)) : BigInt(value),
          });
      }
    }
  };
  for (const block of blocks) {
    if (!block.budget) continue;
    apply('budget', undefined, block.budget);
    for (const [model, periods] of Object.entries(block.budget.models ?? {})) apply(`budget.models.${model}`, model, periods);
  }
  return [...lines.values()];
}
