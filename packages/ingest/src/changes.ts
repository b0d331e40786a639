import type { RedisClient } from '@llmops/redis';

/** One document change, as announced on the changes stream. */
export interface DocumentChange {
  tenant: string;
  /** The user-facing collection name. */
  collection: string;
  documentId: string;
  change: 'updated' | 'deleted';
}

/** The Redis stream that announces changed and deleted documents (the semantic cache reads it). */
export function changesStreamKey(prefix: string): string {
  return `${prefix}:docs:changed`;
}

/**
 * XADDs each change (fields tenant, collection, documentId, change), trimming the stream to about
 * `maxLength` entries so it cannot grow without bound. Default maxLength: 100,000.
 */
export async function announceChanges(redis: RedisClient, prefix: string, changes: readonly DocumentChange[], maxLength = 100_000): Promise<void> {
  if (changes.length === 0) return;
  const pipeline = redis.pipeline();
  for (const c of changes) {
    pipeline.xadd(
      changesStreamKey(prefix),
      'MAXLEN',
      '~',
      String(maxLength),
      '*',
      'tenant',
      c.tenant,
      'collection',
      c.collection,
      'documentId',
      c.documentId,
      'change',
      c.change,
    );
  }
  const replies = (await pipeline.exec()) ?? [];
  const failed = replies.find(([error]) => error);
  if (failed?.[0]) throw failed[0];
}

/** Reads the whole stream (tests and tools; consumers should use XREAD with their own cursor). */
export async function readChanges(redis: RedisClient, prefix: string): Promise<(DocumentChange & { id: string })[]> {
  const entries = await redis.xrange(changesStreamKey(prefix), '-', '+');
  return entries.map(([id, fields]) => {
    const record: Record<string, string> = {};
    for (let i = 0; i + 1 < fields.length; i += 2) record[fields[i]!] = fields[i + 1]!;
    return {
      id,
      tenant: record.tenant ?? '',
      collection: record.collection ?? '',
      documentId: record.documentId ?? '',
      change: record.change === 'deleted' ? 'deleted' : 'updated',
    };
  });
}
