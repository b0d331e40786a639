import type { RedisClient } from '@llmops/redis';
import { z } from 'zod';
import { defaultThreshold, embeddingId, type CacheEmbedding } from './embedding';
import type { CacheKeys } from './keys';
import { DEFAULT_VERIFICATION, VerificationPolicy } from './verify';
import { readJson } from '@llmops/contracts';

/** A tenant's threshold for one embedding, and where it came from. */
export const ThresholdSetting = z.object({
  value: z.number().min(0.5).max(1),
  /** The calibration job it was applied from, when it was. */
  calibration: z.string().optional(),
  setAt: z.string(),
});
export type ThresholdSetting = z.infer<typeof ThresholdSetting>;

/** The settings a lookup runs with, resolved for one tenant and the cache's embedding. */
export interface ResolvedSettings {
  embedding: CacheEmbedding;
  threshold: number;
  /** `tenant`: set by the tenant (or applied from a calibration); `default`: the embedding's default. */
  thresholdSource: 'tenant' | 'default';
  calibration?: string;
  defaultThreshold: number;
  verification: VerificationPolicy;
}

/** A change to a tenant's settings; `null` resets a field to its default. */
export interface SettingsChange {
  threshold?: number | null;
  /** The calibration job `threshold` comes from (recorded with it). */
  calibration?: string;
  verification?: VerificationPolicy | null;
}

/**
 * Per-tenant cache settings in one Redis hash per tenant: a threshold per embedding (so a new
 * embedding starts from its own default instead of a number calibrated for another), and gray-band
 * verification. Each field is written on its own, so two concurrent changes never undo each other.
 */
export class CacheSettingsStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: CacheKeys,
    private readonly embedding: CacheEmbedding,
    private readonly thresholds?: Readonly<Record<string, number>>,
  ) {}

  async resolve(tenant: string): Promise<ResolvedSettings> {
    const [threshold = null, verification = null] = await this.redis.hmget(
      this.keys.settings(tenant),
      `threshold:${embeddingId(this.embedding)}`,
      'verification',
    );
    const own = threshold === null ? undefined : readJson(ThresholdSetting, threshold);
    const fallback = defaultThreshold(this.embedding, this.thresholds);
    return {
      embedding: this.embedding,
      threshold: own?.value ?? fallback,
      thresholdSource: own ? 'tenant' : 'default',
      ...(own?.calibration ? { calibration: own.calibration } : {}),
      defaultThreshold: fallback,
      verification: verification === null ? DEFAULT_VERIFICATION : readJson(VerificationPolicy, verification),
    };
  }

  async change(tenant: string, change: SettingsChange): Promise<ResolvedSettings> {
    const key = this.keys.settings(tenant);
    const field = `threshold:${embeddingId(this.embedding)}`;
    const tx = this.redis.multi();
    if (change.threshold === null) tx.hdel(key, field);
    else if (change.threshold !== undefined) {
      const setting: ThresholdSetting = {
        value: change.threshold,
        setAt: new Date().toISOString(),
        ...(change.calibration ? { calibration: change.calibration } : {}),
      };
      tx.hset(key, field, JSON.stringify(setting));
    }
    if (change.verification === null) tx.hdel(key, 'verification');
    else if (change.verification !== undefined) tx.hset(key, 'verification', JSON.stringify(change.verification));
    await tx.exec();
    return this.resolve(tenant);
  }
}
