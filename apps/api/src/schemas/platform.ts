import { z } from 'zod';
import { component } from './registry';

/** Dollars as exact decimal strings, tokens as numbers. */
const Amount = z.union([z.string(), z.number()]);

export const Health = component(z.object({ status: z.literal('ok') }), { id: 'Health' });

export const Readiness = component(
  z.object({
    status: z.enum(['ready', 'not_ready']),
    redis: z.enum(['ok', 'unreachable']),
    /** Workers that reported within READY_WORKER_WINDOW_SECONDS. */
    workers: z.number().int(),
    reason: z.string().optional(),
    error: z.object({ code: z.string(), message: z.string(), requestId: z.string() }).optional(),
  }),
  { id: 'Readiness', description: 'Ready when Redis answers and a worker reported recently; otherwise a 503 with the reason (and the usual error object).' },
);

export const BudgetStatus = component(
  z.object({
    limit: z.string(),
    period: z.enum(['day', 'month']),
    model: z.string().optional(),
    unit: z.enum(['usd', 'tokens']),
    cap: Amount,
    spent: Amount,
    reserved: Amount,
    remaining: Amount,
    resetsAt: z.string(),
  }),
  { id: 'BudgetStatus', description: 'One budget: its cap, what is spent, held by running work and left, and when the period ends (UTC).' },
);

export const LimitsStatus = component(
  z.object({
    tenant: z.string(),
    rate: z.object({ perSecond: z.number(), burst: z.number(), remaining: z.number() }),
    concurrency: z.object({ maxJobs: z.number(), used: z.number(), remaining: z.number() }),
    storage: z.object({ maxWaitingBytes: z.number(), used: z.number(), remaining: z.number() }),
    work: z.object({ maxItemsPerJob: z.number(), maxCallsPerJob: z.number(), maxDocumentsPerRequest: z.number(), maxChunksPerRequest: z.number() }),
    budgets: z.array(BudgetStatus),
  }),
  {
    id: 'Limits',
    description: 'Every limit of the caller (TENANT_LIMITS) with its value, what is used and what remains.',
    examples: [
      {
        tenant: 'demo',
        rate: { perSecond: 100, burst: 500, remaining: 498 },
        concurrency: { maxJobs: 10_000, used: 2, remaining: 9_998 },
        storage: { maxWaitingBytes: 268_435_456, used: 5_120, remaining: 268_430_336 },
        work: { maxItemsPerJob: 10_000, maxCallsPerJob: 50_000, maxDocumentsPerRequest: 100_000, maxChunksPerRequest: 1_000_000 },
        budgets: [
          {
            limit: 'budget.day.usd',
            period: 'day',
            unit: 'usd',
            cap: '5',
            spent: '0.412',
            reserved: '0.05',
            remaining: '4.538',
            resetsAt: '2026-11-29T00:00:00.000Z',
          },
        ],
      },
    ],
  },
);

const UsageTotals = z.object({
  requests: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  costUsd: z.string(),
  costNanoUsd: z.string(),
});

export const UsageRow = component(z.object({ date: z.string(), model: z.string(), jobType: z.string(), ...UsageTotals.shape }), {
  id: 'UsageRow',
  description: 'Provider requests, tokens and dollars of one UTC day, model and job type (dollars exact: costNanoUsd is integer nano-dollars).',
});

export const Usage = component(
  z.object({ tenant: z.string(), from: z.string(), to: z.string(), days: z.array(UsageRow), totals: UsageTotals, limits: LimitsStatus.optional() }),
  {
    id: 'Usage',
    description: "The caller's ledger between from and to (UTC days, inclusive), every provider call counted once, and its limits.",
    examples: [
      {
        tenant: 'demo',
        from: '2026-11-01',
        to: '2026-11-28',
        days: [
          {
            date: '2026-11-28',
            model: 'gpt-4o-mini',
            jobType: 'inference',
            requests: 7,
            inputTokens: 1_204,
            outputTokens: 388,
            costUsd: '0.000413400',
            costNanoUsd: '413400',
          },
        ],
        totals: { requests: 7, inputTokens: 1_204, outputTokens: 388, costUsd: '0.000413400', costNanoUsd: '413400' },
      },
    ],
  },
);
