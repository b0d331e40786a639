import { z } from 'zod';
import { InferenceItem, InferenceParameters, InferenceRag, MaxCostUsd } from '@llmops/contracts';

/** The most items one inference job may carry. */
export const MAX_ITEMS = 10_000;

const uniqueIds = (items: readonly { id: string }[], context: z.RefinementCtx) => {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) context.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate item id "${item.id}"` });
    seen.add(item.id);
  });
};

/**
 * `POST /v1/inference`. Omitted cache settings mean semantic at the caller's threshold for the cache's
 * embedding (`GET /v1/cache/settings`: set by the tenant or applied from a calibration, else the
 * embedding's default) with the tenant's verification; omitted mode is realtime.
 */
export const InferenceRequest = z.strictObject({
  model: z.string().min(1).max(200),
  parameters: InferenceParameters.default({}),
  items: z.array(InferenceItem).min(1).max(MAX_ITEMS).superRefine(uniqueIds),
  rag: InferenceRag.optional(),
  cache: z
    .strictObject({
      mode: z.enum(['semantic', 'exact', 'off']).default('semantic'),
      threshold: z.number().min(0.5).max(1).optional(),
      verification: z.enum(['off', 'below', 'around']).optional(),
    })
    .default({ mode: 'semantic' }),
  mode: z.enum(['realtime', 'batch']).default('realtime'),
  /** The most this job may spend, dollars as a decimal string. */
  maxCostUsd: MaxCostUsd.optional(),
});
export type InferenceRequest = z.infer<typeof InferenceRequest>;

/** `POST /v1/cache/warm`: queries answered ahead of traffic and stored in the cache. */
export const WarmRequest = z.strictObject({
  model: z.string().min(1).max(200),
  parameters: InferenceParameters.default({}),
  system: z.string().max(100_000).optional(),
  queries: z.array(z.string().min(1).max(100_000)).min(1).max(MAX_ITEMS),
  /** The most this job may spend, dollars as a decimal string. */
  maxCostUsd: MaxCostUsd.optional(),
});
export type WarmRequest = z.infer<typeof WarmRequest>;

/** `POST /v1/cache/warming`: scheduled warming of the most frequent recent misses (off by default). */
export const WarmingSettingsRequest = z.strictObject({
  enabled: z.boolean(),
  /** Milliseconds between runs; at least a minute. */
  every: z
    .number()
    .int()
    .min(60_000)
    .max(7 * 86_400_000)
    .default(3_600_000),
  topN: z.number().int().min(1).max(1_000).default(50),
});
