export { defineJob, defineCatalog, type JobDefinition, type JobCatalog, type JobName, type PayloadOf, type ResultOf, type RetryPolicy } from './catalog';
export { JobEnvelope, JobState, TenantId, ItemResult, MaxCostUsd, TraceCarrier } from './envelope';
export { platformCatalog, type PlatformCatalog } from './platform-catalog';
export { ingestJobs, IngestPartPayload, INGEST_PART_DOCUMENTS } from './jobs/ingest';
export { inferenceJobs } from './jobs/inference';
export { evaluationJobs } from './jobs/evaluation';
export {
  InferenceMessage,
  InferenceItem,
  InferenceParameters,
  InferenceRag,
  InferenceCache,
  InferencePayload,
  InferenceSummary,
  InferenceItemResult,
  CacheWarmTickPayload,
  inferenceItemsKey,
} from './jobs/inference';
export {
  EvaluationCase,
  EvaluationPayload,
  EvaluationReport,
  GraderSpec,
  CustomRubric,
  CacheCalibrationPayload,
  CacheCalibrationReport,
  graderNameOf,
} from './jobs/evaluation';
export { spendKeys, spendFields, spendRetentionSeconds, tenantTag, utcDayOf, utcMonthOf, llmKeyPrefix, type SpendKeys } from './spend-keys';
export { jobDataKeys, jobInputKeys, jobAllDataKeys } from './job-keys';
export { jobTag, bullPrefix } from './hash-tags';
export { JobWaste } from './job-waste';
export * from './jobs/pipeline';
export * from './jobs/fine-tune';
export { readJson, StoredDataError } from './read-json';
export * from './jobs/maintenance';
export { stableJson } from './stable-json';
export { WarmingSettingsRecord, warmingSettingsKey, warmingSchedulerId } from './warming';
