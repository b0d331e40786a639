import { z } from 'zod';

/**
 * A tenant's scheduled cache warming, as `POST /v1/cache/warming` stores it: the API writes these
 * settings and the tenant's BullMQ job scheduler on the `cache-warm-tick` queue together; workers
 * only run the ticks.
 */
export const WarmingSettingsRecord = z.object({
  enabled: z.boolean(),
  /** Milliseconds between ticks. */
  every: z.number().int().positive(),
  topN: z.number().int().positive(),
});
export type WarmingSettingsRecord = z.infer<typeof WarmingSettingsRecord>;

/** The hash of every tenant's warming settings (field = tenant, value = WarmingSettings JSON). */
export const warmingSettingsKey = (prefix: string) => `${prefix}:inference:warming`;

/** The id of a tenant's warming scheduler on the `cache-warm-tick` queue. */
export const warmingSchedulerId = (tenant: string) => `warm:${tenant}`;
