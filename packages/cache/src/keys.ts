import { jobDataKeys } from '@llmops/contracts';

/**
 * Every Redis key the cache writes, under `${prefix}:cache:`. A scope's keys share the hash tag
 * `{s:<scope>}`, so one scope's entries, usage order, expiries and leases sit in one cluster slot and
 * its scripts and transactions stay single-slot.
 */
export function cacheKeys(prefix: string) {
  const base = `${prefix}:cache`;
  const scoped = (scope: string) => `${base}:{s:${scope}}`;
  return {
    /** The entry JSON (string, EX ttl); `entryId = sha256(scope, normalized prompt)`: the exact cache. */
    entry: (scope: string, entryId: string) => `${scoped(scope)}:e:${entryId}`,
    /** zset entryId -> last use (ms): the least used go first when the scope is over its cap. */
    lastUsed: (scope: string) => `${scoped(scope)}:lru`,
    /** zset `entryId:version` -> expiry (ms) of each vector point, so expired points leave the store. */
    expiries: (scope: string) => `${scoped(scope)}:exp`,
    /** set of `promptKey|entryId` pairs reported wrong: that entry never answers that prompt again. */
    blocked: (scope: string) => `${scoped(scope)}:blocked`,
    /** The lease of the one call in flight for an exact prompt (value: the owner's token, PX lease). */
    inflight: (scope: string, entryId: string) => `${scoped(scope)}:inflight:${entryId}`,
    /** hash scope -> {tenant, embedding, lastStoreAt}: what the sweeper walks. */
    scopes: `${base}:scopes`,
    /** set of `scope|entryId` of entries citing one document. */
    document: (tenant: string, collection: string, documentId: string) => `${base}:d:${tenant}:${collection}:${documentId}`,
    /** hash of counters per tenant (all replicas add to the same figures). */
    stats: (tenant: string) => `${base}:stats:${tenant}`,
    /** hash `s:<bin>` / `w:<bin>` -> semantic hits served / reported wrong per similarity bin (0.01). */
    similarity: (tenant: string, embedding: string) => `${base}:sim:${tenant}:${embedding}`,
    /** list of wrong-hit prompt pairs (canonical, pseudonymized) that calibration adds as negatives. */
    feedbackPairs: (tenant: string, embedding: string) => `${base}:fb:${tenant}:${embedding}`,
    /** hash of one tenant's settings: `threshold:<embedding>` -> JSON, `verification` -> JSON. */
    settings: (tenant: string) => `${base}:settings:${tenant}`,
    /** zset of pseudonymized missed prompts by frequency, for scheduled warming. */
    misses: (tenant: string) => `${base}:misses:${tenant}`,
    /** Held (PX = the interval) by the process running vector-index maintenance. */
    maintenance: `${base}:maintenance`,
    /** Per job: the hits it served, for feedback (named in @llmops/contracts job-keys). */
    hits: (jobId: string) => jobDataKeys(prefix, jobId).cacheHits,
    /** The ingestion family's change stream (fields tenant, collection, documentId, change). */
    docsChanged: `${prefix}:docs:changed`,
  };
}
export type CacheKeys = ReturnType<typeof cacheKeys>;
