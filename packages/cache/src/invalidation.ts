import type { RedisClient } from '@llmops/redis';
import type { SemanticCache } from './cache';
import { cacheKeys } from './keys';

/** Options for {@link consumeDocChanges}. */
export interface DocChangesOptions {
  redis: RedisClient;
  prefix: string;
  cache: SemanticCache;
  /** This consumer's name within the group (e.g. the worker id). */
  consumer: string;
  /** Consumer group; every replica in one group shares the work. Default: `cache-invalidation`. */
  group?: string;
  /** Messages read per call. Default: 200. */
  count?: number;
}

/**
 * Reads `${prefix}:docs:changed` (fields tenant, collection, documentId, change), published by the
 * ingestion family when a document is re-ingested with changes or deleted, and drops every cache
 * entry citing those documents. One non-blocking pass (call it on a timer): it takes its own pending
 * messages first, so a crash between invalidating and acknowledging replays them (invalidation is
 * idempotent). Returns how many messages were handled.
 */
export async function consumeDocChanges(options: DocChangesOptions): Promise<number> {
  const { redis, cache } = options;
  const stream = cacheKeys(options.prefix).docsChanged;
  const group = options.group ?? 'cache-invalidation';
  try {
    await redis.xgroup('CREATE', stream, group, '0', 'MKSTREAM');
  } catch (error) {
    if (!String(error).includes('BUSYGROUP')) throw error;
  }
  let handled = 0;
  for (const from of ['0', '>']) {
    const reply = (await redis.xreadgroup('GROUP', group, options.consumer, 'COUNT', options.count ?? 200, 'STREAMS', stream, from)) as
      [string, [string, string[]][]][] | null;
    const messages = reply?.[0]?.[1] ?? [];
    for (const [id, fields] of messages) {
      const record: Record<string, string> = {};
      for (let i = 0; i + 1 < fields.length; i += 2) record[fields[i]!] = fields[i + 1]!;
      if (record.tenant && record.collection && record.documentId && record.change !== 'unchanged') {
        await cache.invalidateDocuments(record.tenant, record.collection, [record.documentId]);
      }
      await redis.xack(stream, group, id);
      handled += 1;
    }
  }
  return handled;
}
