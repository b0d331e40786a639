import { nanoToUsdString } from '@llmops/tokens';
import type { Redis } from 'ioredis';
import { stableJson } from './canonical';
import type { CacheKeys } from './keys';
import type { CacheStats, MissRecord } from './types';

/** Misses kept per tenant for warming (the least frequent are trimmed). */
const MAX_MISSES = 5_000;
/** Misses older than this without a repeat fall out (the set expires when nobody misses). */
const MISS_WINDOW_SECONDS = 86_400;

/**
 * Cache counters per tenant in a Redis hash, so every worker replica adds to the same figures and the
 * API (GET /v1/cache/stats, /metrics) reads the fleet's totals.
 */
export class CacheStatsRecorder {
  constructor(
    private readonly redis: Redis,
    private readonly keys: CacheKeys,
  ) {}

  /** One lookup's outcome; a hit carries what it saved. */
  async record(
    tenant: string,
    outcome: { kind: 'exact' | 'semantic' | 'miss'; similarity?: number; savedInputTokens?: number; savedOutputTokens?: number; savedNanoUsd?: bigint },
  ): Promise<void> {
    const key = this.keys.stats(tenant);
    const tx = this.redis.multi().hincrby(key, 'lookups', 1);
    if (outcome.kind === 'miss') tx.hincrby(key, 'misses', 1);
    else {
      tx.hincrby(key, outcome.kind === 'exact' ? 'exactHits' : 'semanticHits', 1);
      if (outcome.kind === 'semantic') tx.hincrbyfloat(key, 'similaritySum', outcome.similarity ?? 0);
      tx.hincrby(key, 'savedInputTokens', outcome.savedInputTokens ?? 0);
      tx.hincrby(key, 'savedOutputTokens', outcome.savedOutputTokens ?? 0);
      tx.hincrby(key, 'savedNanoUsd', Number(outcome.savedNanoUsd ?? 0n));
    }
    await tx.exec();
  }

  async recordWrongHits(tenant: string, count: number): Promise<void> {
    await this.redis.hincrby(this.keys.stats(tenant), 'wrongHits', count);
  }

  async recordInvalidated(tenant: string, count: number): Promise<void> {
    await this.redis.hincrby(this.keys.stats(tenant), 'entriesInvalidated', count);
  }

  /** Counts a missed prompt for warming (pseudonymized text only). */
  async recordMiss(tenant: string, miss: MissRecord): Promise<void> {
    const key = this.keys.misses(tenant);
    await this.redis
      .multi()
      .zincrby(key, 1, stableJson(miss))
      .zremrangebyrank(key, 0, -(MAX_MISSES + 1))
      .expire(key, MISS_WINDOW_SECONDS)
      .exec();
  }

  /** The most frequent recent misses, most frequent first. */
  async topMisses(tenant: string, n: number): Promise<{ miss: MissRecord; count: number }[]> {
    const raw = await this.redis.zrevrange(this.keys.misses(tenant), 0, n - 1, 'WITHSCORES');
    const out: { miss: MissRecord; count: number }[] = [];
    for (let i = 0; i < raw.length; i += 2) out.push({ miss: JSON.parse(raw[i]!) as MissRecord, count: Number(raw[i + 1]) });
    return out;
  }

  /** Forgets misses that were answered (warmed). */
  async clearMisses(tenant: string, misses: readonly MissRecord[]): Promise<void> {
    if (misses.length) await this.redis.zrem(this.keys.misses(tenant), ...misses.map(stableJson));
  }

  async read(tenant: string): Promise<CacheStats> {
    const raw = await this.redis.hgetall(this.keys.stats(tenant));
    const n = (field: string) => Number(raw[field] ?? 0);
    const hits = n('exactHits') + n('semanticHits');
    const nano = BigInt(raw.savedNanoUsd ?? '0');
    return {
      lookups: n('lookups'),
      exactHits: n('exactHits'),
      semanticHits: n('semanticHits'),
      misses: n('misses'),
      hitRate: n('lookups') ? hits / n('lookups') : 0,
      meanSimilarity: n('semanticHits') ? n('similaritySum') / n('semanticHits') : 0,
      wrongHits: n('wrongHits'),
      wrongHitRate: hits ? n('wrongHits') / hits : 0,
      savedInputTokens: n('savedInputTokens'),
      savedOutputTokens: n('savedOutputTokens'),
      savedUsd: nanoToUsdString(nano),
      entriesInvalidated: n('entriesInvalidated'),
    };
  }
}

