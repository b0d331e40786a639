import type { RedisClient } from '@llmops/redis';
import type { PlatformKeys } from './keys';

/**
 * Each tenant's job ids by submission time, so `GET /v1/jobs` lists only the caller's jobs. Scores are
 * milliseconds x 1000 plus a position, so jobs of one bulk submission keep their order; the cursor
 * carries score and id, so ties never drop a job at a page boundary.
 */
export class TenantJobIndex {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: PlatformKeys,
    private readonly retentionMs: number,
  ) {}

  async add(tenant: string, jobId: string, at: number): Promise<void> {
    await this.addMany(tenant, [jobId], at);
  }

  /** Ids submitted together, in their order (later ids list as newer). At most 1,000 per call. */
  async addMany(tenant: string, jobIds: readonly string[], at: number): Promise<void> {
    if (jobIds.length === 0) return;
    const key = this.keys.tenantJobs(tenant);
    const members = jobIds.flatMap((jobId, index) => [at * 1000 + Math.min(index, 999), jobId]);
    // One write, no MULTI: the trim of expired entries need not be atomic with the add.
    const replies = await this.redis
      .pipeline()
      .zadd(key, 'NX', ...members)
      .zremrangebyscore(key, '-inf', (at - this.retentionMs) * 1000)
      .exec();
    const failed = replies?.find(([error]) => error)?.[0];
    if (failed) throw failed;
  }

  /** Newest first, `limit` at a time; pass back `next` as `cursor`. */
  async list(tenant: string, options: { cursor?: string; limit: number }): Promise<{ ids: string[]; next: string | null }> {
    const after = options.cursor ? decodeCursor(options.cursor) : undefined;
    const max = after ? String(after.score) : '+inf';
    // Entries tied with the cursor's score are re-read and skipped by id (ZREVRANGE orders ties by id, descending).
    const flat = await this.redis.zrevrangebyscore(this.keys.tenantJobs(tenant), max, '-inf', 'WITHSCORES', 'LIMIT', 0, options.limit + 1 + (after ? 1000 : 0));
    const rows: { id: string; score: number }[] = [];
    for (let index = 0; index < flat.length; index += 2) {
      const row = { id: flat[index]!, score: Number(flat[index + 1]) };
      if (after && row.score === after.score && row.id >= after.id) continue;
      rows.push(row);
      if (rows.length > options.limit) break;
    }
    const page = rows.slice(0, options.limit);
    const last = page.at(-1);
    return { ids: page.map((row) => row.id), next: rows.length > options.limit && last ? encodeCursor(last.score, last.id) : null };
  }
}

export class InvalidListCursorError extends Error {
  constructor() {
    super('cursor is not one this API returned');
    this.name = 'InvalidListCursorError';
  }
}

function encodeCursor(score: number, id: string): string {
  return Buffer.from(JSON.stringify([score, id])).toString('base64url');
}

function decodeCursor(cursor: string): { score: number; id: string } {
  try {
    const [score, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [unknown, unknown];
    if (typeof score === 'number' && typeof id === 'string') return { score, id };
  } catch {
    // fall through
  }
  throw new InvalidListCursorError();
}
