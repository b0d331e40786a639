import type { RedisClient } from '@llmops/redis';
import { z } from 'zod';
import { readJson } from '@llmops/contracts';

/** Every Redis key this package writes, in one place. */
export function fineTuneKeys(prefix: string) {
  return {
    /** A tenant's tuned models: field = model id, value = {@link TunedModel}. */
    models: (tenant: string) => `${prefix}:fine-tune:models:${tenant}`,
  };
}

/** A model a tenant's fine-tune produced; only that tenant may use it. */
export const TunedModel = z.object({
  model: z.string(),
  baseModel: z.string(),
  /** The fine-tune job that made it. */
  jobId: z.string(),
  providerJobId: z.string(),
  trainedTokens: z.number().int(),
  createdAt: z.string(),
});
export type TunedModel = z.infer<typeof TunedModel>;

/**
 * The tenant-scoped extension of the model registry: the registry prices any `ft:<base>:...` id from
 * its base, and this says which of those ids belong to which tenant (the API refuses the others).
 */
export function createTunedModels(redis: RedisClient, prefix: string) {
  const keys = fineTuneKeys(prefix);
  return {
    /** Idempotent: registering the same model again overwrites its entry. */
    async register(tenant: string, entry: TunedModel): Promise<void> {
      await redis.hset(keys.models(tenant), entry.model, JSON.stringify(TunedModel.parse(entry)));
    },
    async get(tenant: string, model: string): Promise<TunedModel | undefined> {
      const raw = await redis.hget(keys.models(tenant), model);
      return raw === null ? undefined : readJson(TunedModel, raw);
    },
    /** Newest first. */
    async list(tenant: string): Promise<TunedModel[]> {
      const all = Object.values(await redis.hgetall(keys.models(tenant))).map((raw) => readJson(TunedModel, raw));
      return all.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
  };
}
export type TunedModels = ReturnType<typeof createTunedModels>;
