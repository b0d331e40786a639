export { createSemanticCache, type SemanticCache, type SemanticCacheOptions } from './cache';
export type { NewEntry, Candidate } from './entries';
export { canonicalize, decanonicalize, literalsOf, normalizePrompt, stableJson, sha256, type CanonicalText } from './canonical';
export {
  DEFAULT_CACHE_EMBEDDING,
  DEFAULT_THRESHOLDS,
  FALLBACK_THRESHOLD,
  defaultThreshold,
  embeddingId,
  embedParams,
  cacheCollectionName,
  type CacheEmbedding,
} from './embedding';
export { CacheStatsRecorder, type LookupOutcome } from './stats';
export { CacheFeedback, HitRecord, type FeedbackOutcome, type FeedbackOptions, type ObservedRow } from './feedback';
export { CacheSettingsStore, ThresholdSetting, type ResolvedSettings, type SettingsChange } from './settings';
export { InflightCalls, type InflightOptions, type InflightOutcome } from './inflight';
export { promptKey, type SimilarRequest, type SimilarOutcome } from './lookup';
export {
  VerificationPolicy,
  DEFAULT_VERIFICATION,
  VERIFY_MAX_TOKENS,
  createVerifier,
  verificationRequest,
  confirms,
  type Verifier,
  type VerificationResult,
} from './verify';
export { INDEX_BY_SCHEDULER, type MaintenanceOptions, type MaintenanceRun } from './maintenance';
export { consumeDocChanges, type DocChangesOptions } from './invalidation';
export { cacheKeys, type CacheKeys } from './keys';
export { CacheEntry, CacheSource, MissRecord, ScopeInfo, type CacheHit, type CacheScopeInput, type CacheStats } from './types';
export { cacheCalibrationHandlers } from './calibration-job/handlers';
