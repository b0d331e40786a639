import type { z } from 'zod';
import type { RedisClient } from '@llmops/redis';
import { jobDataKeys, readJson } from '@llmops/contracts';

/** One chunk an embed call covers: enough to re-derive its text from the job payload. */
export interface PlannedEmbedding {
  documentId: string;
  index: number;
  hash: string;
}

/**
 * Per-job bookkeeping of an ingestion in one Redis hash: the plan of each batch (which chunks its
 * embed call covers, fixed on first sight so a retried call is the same call with the same ledger
 * key) and the stats of each finished batch (so a restart skips it and the summary still counts it).
 * Holds ids and hashes only, never text. Plans and stats are read back with their schemas.
 */
export class IngestProgress<P, S> {
  constructor(
    private readonly redis: RedisClient,
    private readonly key: string,
    /** Kept this long after the last write. */
    private readonly ttlSeconds: number,
    /** The schemas a batch's plan and stats are written and read back with. */
    private readonly schemas: { plan: z.ZodType<P>; stats: z.ZodType<S> },
  ) {}

  static forJob<P, S>(
    redis: RedisClient,
    prefix: string,
    jobId: string,
    ttlSeconds: number,
    schemas: { plan: z.ZodType<P>; stats: z.ZodType<S> },
  ): IngestProgress<P, S> {
    return new IngestProgress<P, S>(redis, jobDataKeys(prefix, jobId).ingestProgress, ttlSeconds, schemas);
  }

  /** The stored plan of a batch, or stores `plan` as the batch's plan (first writer wins) and returns it. */
  async fixPlan(batch: number, plan: P): Promise<P> {
    const field = `plan:${batch}`;
    const replies =
      (await this.redis.multi().hsetnx(this.key, field, JSON.stringify(plan)).hget(this.key, field).expire(this.key, this.ttlSeconds).exec()) ?? [];
    const stored = replies[1]?.[1];
    if (typeof stored !== 'string') throw new Error(`could not store the plan of batch ${batch}`);
    return readJson(this.schemas.plan, stored);
  }

  async finish(batch: number, stats: S): Promise<void> {
    await this.redis.multi().hset(this.key, `done:${batch}`, JSON.stringify(stats)).hdel(this.key, `plan:${batch}`).expire(this.key, this.ttlSeconds).exec();
  }

  /** Stats of the finished batches, by batch number. */
  async finished(): Promise<Map<number, S>> {
    const all = await this.redis.hgetall(this.key);
    const out = new Map<number, S>();
    for (const [field, value] of Object.entries(all)) {
      if (field.startsWith('done:')) out.set(Number(field.slice(5)), readJson(this.schemas.stats, value));
    }
    return out;
  }
}
