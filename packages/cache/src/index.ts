export { createSemanticCache, type SemanticCache, type SemanticCacheOptions, type StoreInput } from './cache';
export { canonicalize, decanonicalize, literalsOf, normalizePrompt, stableJson, sha256, type CanonicalText } from './canonical';
export { CacheStatsRecorder } from './stats';
export { consumeDocChanges, type DocChangesOptions } from './invalidation';
export { cacheKeys, type CacheKeys } from './keys';
export { VectorIndex, unit, type Neighbour } from './vector-index';
export type { CacheEntry, CacheHit, CacheScopeInput, CacheSource, CacheStats, MissRecord } from './types';
