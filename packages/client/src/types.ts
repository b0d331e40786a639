import type { components, paths } from './generated/openapi';

export type { components, paths, operations } from './generated/openapi';

type Schemas = components['schemas'];

export type Job = Schemas['Job'];
export type JobDetail = Schemas['JobDetail'];
export type JobState = Job['state'];
export type JobList = Schemas['JobList'];
export type ResultPage = Schemas['ResultPage'];
export type ItemResult = ResultPage['items'][number];
export type JobAccepted = Schemas['JobAccepted'];
export type InferenceAccepted = Schemas['InferenceAccepted'];
export type IngestAccepted = Schemas['IngestAccepted'];
export type BulkAccepted = Schemas['BulkAccepted'];
export type CancelOutcome = Schemas['CancelOutcome'];
export type Health = Schemas['Health'];
export type Readiness = Schemas['Readiness'];
export type Limits = Schemas['Limits'];
export type Usage = Schemas['Usage'];
export type UsageRow = Schemas['UsageRow'];
export type Collection = Schemas['Collection'];
export type SearchResult = Schemas['SearchResult'];
export type DocumentDeleted = Schemas['DocumentDeleted'];
export type InferenceResultItem = Schemas['InferenceResultItem'];
export type CacheStats = Schemas['CacheStats'];
export type WarmingSettings = Schemas['WarmingSettings'];
export type ErrorBody = Schemas['Error'];
export type CacheSettings = Schemas['CacheSettings'];
export type CacheFeedbackOutcome = Schemas['CacheFeedbackOutcome'];
export type PipelineAccepted = Schemas['PipelineAccepted'];
export type PipelineDefinitionSaved = Schemas['PipelineDefinitionSaved'];
export type PipelineDefinitionList = Schemas['PipelineDefinitionList'];
export type PipelineDefinitionView = Schemas['PipelineDefinitionView'];
export type FineTuneEstimate = Schemas['FineTuneEstimate'];
export type FineTuneAccepted = Schemas['FineTuneAccepted'];
export type TunedModelList = Schemas['TunedModelList'];
export type RagVsFineTuneAdvice = Schemas['RagVsFineTuneAdvice'];

/** The JSON request body of a route. */
export type JsonBody<P extends keyof paths, M extends 'post'> = paths[P][M] extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;
/** The query parameters of a route. */
export type QueryOf<P extends keyof paths> = paths[P]['get'] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type InferenceRequest = JsonBody<'/v1/inference', 'post'>;
export type InferenceItem = InferenceRequest['items'][number];
export type EvaluationRequest = JsonBody<'/v1/evaluations', 'post'>;
export type CalibrationRequest = JsonBody<'/v1/cache/calibrations', 'post'>;
export type IngestRequest = JsonBody<'/v1/collections/{name}/documents', 'post'>;
export type Document = IngestRequest['documents'][number];
export type SearchRequest = JsonBody<'/v1/collections/{name}/search', 'post'>;
export type WarmRequest = JsonBody<'/v1/cache/warm', 'post'>;
export type WarmingRequest = JsonBody<'/v1/cache/warming', 'post'>;
export type UsageQuery = QueryOf<'/v1/usage'>;
export type CacheSettingsRequest = JsonBody<'/v1/cache/settings', 'post'>;
export type CacheFeedbackRequest = JsonBody<'/v1/cache/feedback', 'post'>;
export type PipelineRequest = JsonBody<'/v1/pipelines', 'post'>;
export type SavePipelineRequest = JsonBody<'/v1/pipelines/definitions', 'post'>;
export type FineTuneRequest = JsonBody<'/v1/fine-tunes', 'post'>;
export type AdviceRequest = JsonBody<'/v1/advice/rag-vs-fine-tune', 'post'>;

/** `{done, total}` of a job's progress, whatever its type reports (items, documents, samples); undefined when unknown. */
export function progressCounts(progress: unknown): { done: number; total: number } | undefined {
  if (!progress || typeof progress !== 'object') return undefined;
  const record = progress as Record<string, unknown>;
  const counts = (value: unknown) => {
    const { done, total } = (value ?? {}) as { done?: unknown; total?: unknown };
    return typeof done === 'number' && typeof total === 'number' ? { done, total } : undefined;
  };
  return counts(record.items) ?? counts(record.documents) ?? counts(record);
}
