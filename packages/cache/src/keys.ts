/** Every Redis key the cache writes, under `${prefix}:cache:`. */
export function cacheKeys(prefix: string) {
  const base = `${prefix}:cache`;
  return {
    entry: (entryId: string) => `${base}:e:${entryId}`,
    vectors: (scope: string) => `${base}:s:${scope}:v`,
    sequence: (scope: string) => `${base}:s:${scope}:q`,
    counter: `${base}:seq`,
    document: (tenant: string, collection: string, documentId: string) => `${base}:d:${tenant}:${collection}:${documentId}`,
    stats: (tenant: string) => `${base}:stats:${tenant}`,
    misses: (tenant: string) => `${base}:misses:${tenant}`,
    /** The ingestion family's change stream (fields tenant, collection, documentId, change). */
    docsChanged: `${prefix}:docs:changed`,
  };
}
export type CacheKeys = ReturnType<typeof cacheKeys>;
