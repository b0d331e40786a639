import { z } from 'zod';
import type { Deps } from './front-door';
import { frontDoorKeys } from './keys';
import { readJson } from '@llmops/contracts';

/** A batch as stored: which inference jobs run its lines. Metadata values are pseudonymized (scope: the batch id). */
export const BatchRecord = z.object({
  id: z.string(),
  inputFileId: z.string(),
  endpoint: z.string(),
  completionWindow: z.string(),
  /** Unix seconds. */
  createdAt: z.number().int(),
  metadata: z.record(z.string(), z.string()).nullable(),
  /** The models its lines ask for (one per job group). */
  models: z.array(z.string()),
  /** Its inference jobs, each with the file lines it runs (item id `l<line>`). */
  jobs: z.array(z.object({ jobId: z.string(), model: z.string(), lines: z.array(z.number().int().nonnegative()) })),
  total: z.number().int().positive(),
  /** sha256 of the create request, to tell a repeated Idempotency-Key from a reused one. */
  requestHash: z.string(),
  /** Unix seconds when cancellation was asked for. */
  cancellingAt: z.number().int().nullable(),
});
export type BatchRecord = z.infer<typeof BatchRecord>;

/** Lines' custom_ids written per HSET. */
const LINES_PER_WRITE = 1_000;

/** Batches in Redis, per tenant: a record, the custom_ids of its lines, and a sorted set to list them. All expire with the job retention. */
export function batchStore(deps: Deps) {
  const keys = frontDoorKeys(deps.keys.prefix);
  const ttl = deps.retentionSeconds;
  return {
    async put(tenant: string, record: BatchRecord, customIds: readonly string[]): Promise<void> {
      const linesKey = keys.batchLines(tenant, record.id);
      for (let start = 0; start < customIds.length; start += LINES_PER_WRITE) {
        const slice = customIds.slice(start, start + LINES_PER_WRITE);
        await deps.redis
          .multi()
          .hset(linesKey, ...slice.flatMap((id, i) => [String(start + i), id]))
          .expire(linesKey, ttl)
          .exec();
      }
      await deps.redis
        .multi()
        .set(keys.batch(tenant, record.id), JSON.stringify(record), 'EX', ttl)
        .zadd(keys.batches(tenant), record.createdAt * 1000, record.id)
        .exec();
    },
    async get(tenant: string, batchId: string): Promise<BatchRecord | undefined> {
      const raw = await deps.redis.get(keys.batch(tenant, batchId));
      return raw ? readJson(BatchRecord, raw) : undefined;
    },
    /** Records that cancellation was asked for (kept with the record's remaining lifetime). */
    async markCancelling(tenant: string, record: BatchRecord, at: number): Promise<BatchRecord> {
      const updated = { ...record, cancellingAt: record.cancellingAt ?? at };
      await deps.redis.set(keys.batch(tenant, record.id), JSON.stringify(updated), 'KEEPTTL');
      return updated;
    },
    /** custom_ids of these file lines, in order (empty string for one that is gone). */
    async customIds(tenant: string, batchId: string, lines: readonly number[]): Promise<string[]> {
      if (lines.length === 0) return [];
      const values = await deps.redis.hmget(keys.batchLines(tenant, batchId), ...lines.map(String));
      return values.map((value) => value ?? '');
    },
    /** Batch ids, newest first, after the batch `after`; expired ones are dropped from the list. */
    async list(tenant: string, options: { limit: number; after?: string }): Promise<{ records: BatchRecord[]; hasMore: boolean }> {
      await deps.redis.zremrangebyscore(keys.batches(tenant), '-inf', Date.now() - ttl * 1000);
      const all = await deps.redis.zrevrange(keys.batches(tenant), 0, -1);
      const start = options.after ? all.indexOf(options.after) + 1 : 0;
      const ids = all.slice(start, start + options.limit);
      const records = (await Promise.all(ids.map((id) => this.get(tenant, id)))).filter((record): record is BatchRecord => record !== undefined);
      return { records, hasMore: start + options.limit < all.length };
    },
  };
}
export type BatchStore = ReturnType<typeof batchStore>;
