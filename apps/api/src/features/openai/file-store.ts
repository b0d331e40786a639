import { z } from 'zod';
import type { Deps } from './front-door';
import { fileBytesField, frontDoorKeys } from './keys';
import { readJson } from '@llmops/contracts';

/** An uploaded file as stored (its name pseudonymized with the file id as vault scope). */
export const FileRecord = z.object({
  id: z.string(),
  filename: z.string(),
  purpose: z.literal('batch'),
  /** Bytes as uploaded. */
  bytes: z.number().int().nonnegative(),
  /** Bytes held in Redis (the pseudonymized content), counted against the tenant's storage limit. */
  storedBytes: z.number().int().nonnegative(),
  lines: z.number().int().positive(),
  /** Unix seconds. */
  createdAt: z.number().int(),
  expiresAt: z.number().int(),
});
export type FileRecord = z.infer<typeof FileRecord>;

/** Why a file could not be stored: the tenant's storage limit, with its numbers. */
export interface StorageRefusal {
  cap: number;
  current: number;
  requested: number;
}

/**
 * Uploaded files in Redis, per tenant: one hash per file (its record and pseudonymized content) that
 * expires after the job retention, and a sorted set to list them. Their bytes are held against the
 * tenant's storage limit from upload until deletion or expiry.
 */
export function fileStore(deps: Deps) {
  const keys = frontDoorKeys(deps.keys.prefix);
  // A file's bytes are held against the tenant's storage limit, like waiting jobs' (@llmops/limits).
  const admission = deps.services.limits.admission;
  const release = (tenant: string, fileId: string) => admission.releaseBytes(tenant, fileBytesField(fileId));

  return {
    /** Stores a file when its bytes fit the tenant's storage limit; otherwise the refusal. */
    async put(tenant: string, record: FileRecord, content: string): Promise<StorageRefusal | undefined> {
      await this.sweep(tenant);
      const cap = deps.services.limits.limitsFor(tenant).storage.maxWaitingBytes;
      const held = await admission.holdBytes(tenant, fileBytesField(record.id), record.storedBytes, cap);
      if (!held.ok) return { cap, current: held.current, requested: record.storedBytes };
      try {
        await deps.redis
          .multi()
          .hset(keys.file(tenant, record.id), 'meta', JSON.stringify(record), 'content', content)
          .expire(keys.file(tenant, record.id), deps.retentionSeconds)
          .zadd(keys.files(tenant), record.createdAt * 1000, record.id)
          .exec();
      } catch (error) {
        await release(tenant, record.id);
        throw error;
      }
      return undefined;
    },
    async meta(tenant: string, fileId: string): Promise<FileRecord | undefined> {
      const raw = await deps.redis.hget(keys.file(tenant, fileId), 'meta');
      return raw ? readJson(FileRecord, raw) : undefined;
    },
    async content(tenant: string, fileId: string): Promise<string | undefined> {
      return (await deps.redis.hget(keys.file(tenant, fileId), 'content')) ?? undefined;
    },
    /** True when the file existed. */
    async delete(tenant: string, fileId: string): Promise<boolean> {
      const [[, removed] = []] = (await deps.redis.multi().del(keys.file(tenant, fileId)).zrem(keys.files(tenant), fileId).exec()) ?? [];
      await release(tenant, fileId);
      return removed === 1;
    },
    /** The tenant's files, newest first (or oldest with `asc`), after the file `after`. */
    async list(tenant: string, options: { limit: number; after?: string; order: 'asc' | 'desc' }): Promise<{ records: FileRecord[]; hasMore: boolean }> {
      await this.sweep(tenant);
      const all = options.order === 'desc' ? await deps.redis.zrevrange(keys.files(tenant), 0, -1) : await deps.redis.zrange(keys.files(tenant), '0', '-1');
      const start = options.after ? all.indexOf(options.after) + 1 : 0;
      const ids = all.slice(start, start + options.limit);
      const records = (await Promise.all(ids.map((id) => this.meta(tenant, id)))).filter((record): record is FileRecord => record !== undefined);
      return { records, hasMore: start + options.limit < all.length };
    },
    /** Files past their retention expired with their hash: take them off the list and give their bytes back. */
    async sweep(tenant: string): Promise<void> {
      const expired = await deps.redis.zrangebyscore(keys.files(tenant), '-inf', Date.now() - deps.retentionSeconds * 1000);
      for (const fileId of expired) {
        await deps.redis.zrem(keys.files(tenant), fileId);
        await release(tenant, fileId);
      }
    },
  };
}
export type FileStore = ReturnType<typeof fileStore>;
