import type { Redis } from 'ioredis';
import type { PlatformKeys } from './keys';

/** Each tenant's job ids by submission time, so `GET /v1/jobs` lists only the caller's jobs. */
export class TenantJobIndex {
  constructor(
    private readonly redis: Redis,
    private readonly keys: PlatformKeys,
    private readonly retentionMs: number,
  ) {}

  async add(tenant: string, jobId: string, at: number): Promise<void> {
    const key = this.keys.tenantJobs(tenant);
    await this.redis
      .multi()
      .zadd(key, 'NX', at, jobId)
      .zremrangebyscore(key, '-inf', at - this.retentionMs)
      .exec();
  }

  /** Newest first; `before` is the score cursor from the previous page. */
  async list(tenant: string, options: { before?: number; limit: number }): Promise<{ ids: string[]; next: number | null }> {
    const max = options.before === undefined ? '+inf' : `(${options.before}`;
    const flat = await this.redis.zrevrangebyscore(this.keys.tenantJobs(tenant), max, '-inf', 'WITHSCORES', 'LIMIT', 0, options.limit + 1);
    const rows: { id: string; score: number }[] = [];
    for (let index = 0; index < flat.length; index += 2) rows.push({ id: flat[index]!, score: Number(flat[index + 1]) });
    const page = rows.slice(0, options.limit);
    return { ids: page.map((row) => row.id), next: rows.length > options.limit ? (page.at(-1)?.score ?? null) : null };
  }

  async owns(tenant: string, jobId: string): Promise<boolean> {
    return (await this.redis.zscore(this.keys.tenantJobs(tenant), jobId)) !== null;
  }

  async remove(tenant: string, jobId: string): Promise<void> {
    await this.redis.zrem(this.keys.tenantJobs(tenant), jobId);
  }
}
