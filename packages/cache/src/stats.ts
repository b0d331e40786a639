import { nanoToUsdString } from '@llmops/tokens';
import type { RedisClient } from '@llmops/redis';
import { readJson } from '@llmops/contracts';
import { stableJson } from './canonical';
import type { CacheKeys } from './keys';
import { MissRecord, type CacheStats } from './types';

/** Misses kept per tenant for warming (the least frequent are trimmed). */
const MAX_MISSES = 5_000;
/** Misses older than this without a repeat fall out (the set expires when nobody misses). */
const MISS_WINDOW_SECONDS = 86_400;

/** One item's cache outcome. Exactly one is recorded per answered item. */
export interface LookupOutcome {
  kind: 'exact' | 'semantic' | 'coalesced' | 'miss';
  similarity?: number;
  savedInputTokens?: number;
  savedOutputTokens?: number;
  savedNanoUsd?: bigint;
  /** Verification calls made on the way, whatever the outcome. */
  verification?: { confirmed: number; rejected: number; costNanoUsd: bigint };
}

const HIT_FIELD = { exact: 'exactHits', semantic: 'semanticHits', coalesced: 'coalescedHits' } as const;

/**
 * Cache counters per tenant in a Redis hash, so every worker replica adds to the same figures and the
 * API (GET /v1/cache/stats, /metrics) reads the fleet's totals.
 */
export class CacheStatsRecorder {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: CacheKeys,
  ) {}

  async record(tenant: string, outcome: LookupOutcome): Promise<void> {
    const key = this.keys.stats(tenant);
    const tx = this.redis.multi().hincrby(key, 'lookups', 1);
    if (outcome.kind === 'miss') tx.hincrby(key, 'misses', 1);
    else {
      tx.hincrby(key, HIT_FIELD[outcome.kind], 1);
      if (outcome.kind === 'semantic') tx.hincrbyfloat(key, 'similaritySum', outcome.similarity ?? 0);
      tx.hincrby(key, 'savedInputTokens', outcome.savedInputTokens ?? 0);
      tx.hincrby(key, 'savedOutputTokens', outcome.savedOutputTokens ?? 0);
      tx.hincrby(key, 'savedNanoUsd', Number(outcome.savedNanoUsd ?? 0n));
    }
    const v = outcome.verification;
    if (v && v.confirmed + v.rejected > 0) {
      tx.hincrby(key, 'verifications', v.confirmed + v.rejected);
      tx.hincrby(key, 'verifiedHits', v.confirmed);
      tx.hincrby(key, 'verificationRejections', v.rejected);
      tx.hincrby(key, 'verificationNanoUsd', Number(v.costNanoUsd));
    }
    await tx.exec();
  }

  async recordWrongHits(tenant: string, count: number): Promise<void> {
    await this.redis.hincrby(this.keys.stats(tenant), 'wrongHits', count);
  }

  async recordInvalidated(tenant: string, count: number): Promise<void> {
    await this.redis.hincrby(this.keys.stats(tenant), 'entriesInvalidated', count);
  }

  async recordEvicted(tenant: string, count: number): Promise<void> {
    if (count > 0) await this.redis.hincrby(this.keys.stats(tenant), 'entriesEvicted', count);
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
    for (let i = 0; i < raw.length; i += 2) out.push({ miss: readJson(MissRecord, raw[i]!), count: Number(raw[i + 1]) });
    return out;
  }

  /** Forgets misses that were answered (warmed). */
  async clearMisses(tenant: string, misses: readonly MissRecord[]): Promise<void> {
    if (misses.length) await this.redis.zrem(this.keys.misses(tenant), ...misses.map(stableJson));
  }

  async read(tenant: string): Promise<CacheStats> {
    const raw = await this.redis.hgetall(this.keys.stats(tenant));
    const n = (field: string) => Number(raw[field] ?? 0);
    const hits = n('exactHits') + n('semanticHits') + n('coalescedHits');
    return {
      lookups: n('lookups'),
      exactHits: n('exactHits'),
      semanticHits: n('semanticHits'),
      coalescedHits: n('coalescedHits'),
      misses: n('misses'),
      hitRate: n('lookups') ? hits / n('lookups') : 0,
      meanSimilarity: n('semanticHits') ? n('similaritySum') / n('semanticHits') : 0,
      wrongHits: n('wrongHits'),
      wrongHitRate: hits ? n('wrongHits') / hits : 0,
      verifications: n('verifications'),
      verifiedHits: n('verifiedHits'),
      verificationRejections: n('verificationRejections'),
      verificationUsd: nanoToUsdString(BigInt(raw.verificationNanoUsd ?? '0')),
      savedInputTokens: n('savedInputTokens'),
      savedOutputTokens: n('savedOutputTokens'),
      savedUsd: nanoToUsdString(BigInt(raw.savedNanoUsd ?? '0')),
      entriesInvalidated: n('entriesInvalidated'),
      entriesEvicted: n('entriesEvicted'),
    };
  }
}
