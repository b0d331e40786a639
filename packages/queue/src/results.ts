import type { RedisClient } from '@llmops/redis';
import { ItemResult, readJson } from '@llmops/contracts';
import type { PlatformKeys } from './keys';

export interface ResultPage {
  items: ItemResult[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * Item results of a job, one hash field per item plus a sorted index, so a 10,000-item job is never
 * one Redis value and pages are read in item order. Writing an item twice overwrites it: a retried
 * job does not duplicate results.
 */
export class ResultStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: PlatformKeys,
    /** Results expire with the job they belong to. */
    private readonly retentionSeconds: number,
  ) {}

  async put(jobId: string, items: readonly ItemResult[]): Promise<void> {
    if (items.length === 0) return;
    const hashKey = this.keys.results(jobId);
    const orderKey = this.keys.resultOrder(jobId);
    const pipeline = this.redis.multi();
    pipeline.hset(hashKey, ...items.flatMap((item) => [item.id, JSON.stringify(item)]));
    pipeline.zadd(orderKey, ...items.flatMap((item) => [item.index, item.id]));
    pipeline.expire(hashKey, this.retentionSeconds);
    pipeline.expire(orderKey, this.retentionSeconds);
    await pipeline.exec();
  }

  /** Which of these item ids already have a result (so a restarted job skips them). */
  async done(jobId: string, itemIds: readonly string[]): Promise<Set<string>> {
    if (itemIds.length === 0) return new Set();
    const flags = await this.redis.hmget(this.keys.results(jobId), ...itemIds).then((values) => values);
    return new Set(itemIds.filter((_, index) => flags[index] !== null));
  }

  async count(jobId: string): Promise<number> {
    return this.redis.zcard(this.keys.resultOrder(jobId));
  }

  async page(jobId: string, options: { cursor?: string | null; limit: number }): Promise<ResultPage> {
    const after = options.cursor ? decodeCursor(options.cursor) : -1;
    const ids = await this.redis.zrangebyscore(this.keys.resultOrder(jobId), `(${after}`, '+inf', 'LIMIT', 0, options.limit + 1);
    const pageIds = ids.slice(0, options.limit);
    if (pageIds.length === 0) return { items: [], nextCursor: null };
    const raw = await this.redis.hmget(this.keys.results(jobId), ...pageIds);
    const items = raw.filter((value): value is string => value !== null).map((value) => readJson(ItemResult, value));
    const last = items.at(-1);
    return { items, nextCursor: ids.length > options.limit && last ? encodeCursor(last.index) : null };
  }

  async delete(jobId: string): Promise<void> {
    await this.redis.del(this.keys.results(jobId), this.keys.resultOrder(jobId));
  }
}

export class InvalidCursorError extends Error {
  constructor() {
    super('cursor is not one this API returned');
    this.name = 'InvalidCursorError';
  }
}

function encodeCursor(index: number): string {
  return Buffer.from(`i:${index}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^i:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new InvalidCursorError();
  return Number(match[1]);
}
