import type { RedisClient } from '@llmops/redis';
import { jobDataKeys } from '@llmops/contracts';

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
 * Holds ids and hashes only, never text.
 */
export class IngestProgress<P, S> {
  constructor(
    private readonly redis: RedisClient,
    private readonly key: string,
    /** Kept this long after the last write. */
    private readonly ttlSeconds: number,
  ) {}

  static forJob<P, S>(redis: RedisClient, prefix: string, jobId: string, ttlSeconds: number): IngestProgress<P, S> {
    return new IngestProgress<P, S>(redis, jobDataKeys(prefix, jobId).ingestProgress, ttlSeconds);
  }

  /** The stored plan of a batch, or stores `plan` as the batch's plan (first writer wins) and returns it. */
  async fixPlan(batch: number, plan: P): Promise<P> {
    const field = `plan:${batch}`;
    const replies = (await this.redis.multi().hsetnx(this.key, field, JSON.stringify(plan)).hget(this.key, field).expire(this.key, this.ttlSeconds).exec()) ?? [];
    const stored = replies[1]?.[1];
    if (typeof stored !== 'string') throw new Error(`could not store the plan of batch ${batch}`);
    return JSON.parse(stored) as P;
  }

  async finish(batch: number, stats: S): Promise<void> {
    await this.redis.multi().hset(this.key, `done:${batch}`, JSON.stringify(stats)).hdel(this.key, `plan:${batch}`).expire(this.key, this.ttlSeconds).exec();
  }

  /** Stats of the finished batches, by batch number. */
  async finished(): Promise<Map<number, S>> {
    const all = await this.redis.hgetall(this.key);
    const out = new Map<number, S>();
    for (const [field, value] of Object.entries(all)) {
      if (field.startsWith('done:')) out.set(Number(field.slice(5)), JSON.parse(value) as S);
    }
    return out;
  }
}
