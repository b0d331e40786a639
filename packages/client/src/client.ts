import { Transport, type ClientOptions, type RequestOptions } from './http';
import { paginate, type Page } from './paging';
import { jobEvents, terminalEvents, type EventsOptions, type JobEvent } from './sse';
import type {
  AdviceRequest,
  BulkAccepted,
  CacheFeedbackOutcome,
  CacheFeedbackRequest,
  CacheSettings,
  CacheSettingsRequest,
  FineTuneAccepted,
  FineTuneEstimate,
  FineTuneRequest,
  PipelineAccepted,
  PipelineDefinitionList,
  PipelineDefinitionSaved,
  PipelineDefinitionView,
  PipelineRequest,
  RagVsFineTuneAdvice,
  SavePipelineRequest,
  TunedModelList,
  CacheStats,
  CalibrationRequest,
  CancelOutcome,
  Collection,
  Document,
  DocumentDeleted,
  EvaluationRequest,
  Health,
  InferenceAccepted,
  InferenceRequest,
  InferenceResultItem,
  IngestAccepted,
  IngestRequest,
  ItemResult,
  Job,
  JobAccepted,
  JobDetail,
  Limits,
  Readiness,
  SearchRequest,
  SearchResult,
  Usage,
  UsageQuery,
  WarmingRequest,
  WarmingSettings,
  WarmRequest,
} from './types';

export interface SubmitOptions {
  /**
   * The Idempotency-Key: a repeat with the same key returns the first job. Default: a random key per
   * call, so the client's own retries (after a 503, say) never create a second job; `false` sends none.
   */
  idempotencyKey?: string | false;
  signal?: AbortSignal;
}

export interface PageOptions {
  /** Items per request. Default: the API's (100 results, 50 jobs). */
  limit?: number;
  signal?: AbortSignal;
}

export interface WaitOptions extends EventsOptions {
  /** Every event while waiting (a progress bar, say). */
  onEvent?: (event: JobEvent) => void;
}

/** A typed client over every route of the API. Types come from /openapi.json (src/generated/openapi.ts). */
export type LlmopsClient = ReturnType<typeof createClient>;

export function createClient(options: ClientOptions) {
  const http = new Transport(options);
  const id = (value: string) => encodeURIComponent(value);
  const get = async <T>(path: string, init: RequestOptions = {}) => (await http.request<T>('GET', path, init)).data;
  const post = async <T>(path: string, body: unknown, init: RequestOptions = {}) => (await http.request<T>('POST', path, { ...init, body })).data;
  const submit = <T>(path: string, body: unknown, submitOptions: SubmitOptions = {}) =>
    post<T>(path, body, { ...idempotency(submitOptions), ...(submitOptions.signal ? { signal: submitOptions.signal } : {}) });
  const pages = <T>(path: string, pageOptions: PageOptions, key: 'items' | 'jobs' = 'items') =>
    paginate<T>(async (cursor) => {
      const page = await get<Record<string, unknown>>(path, {
        query: { cursor, limit: pageOptions.limit },
        ...(pageOptions.signal ? { signal: pageOptions.signal } : {}),
      });
      return { items: page[key] as T[], nextCursor: (page.nextCursor as string | null) ?? null } satisfies Page<T>;
    });

  const jobs = {
    /** Every job of the caller, newest first (pages fetched as you iterate). */
    list: (pageOptions: PageOptions = {}) => pages<Job>('/v1/jobs', pageOptions, 'jobs'),
    get: (jobId: string) => get<JobDetail>(`/v1/jobs/${id(jobId)}`),
    /** Item results as stored (pseudonymized for inference and evaluations: use their own `results`). */
    results: (jobId: string, pageOptions: PageOptions = {}) => pages<ItemResult>(`/v1/jobs/${id(jobId)}/results`, pageOptions),
    /** Server-sent events until the job ends, reconnecting (resuming from state) when the stream drops. */
    events: (jobId: string, eventsOptions: EventsOptions = {}) => jobEvents(http, jobId, eventsOptions),
    /** 200 `cancelled` (had not started) or 202 `cancelling` (the worker was told to stop); 409 when already finished. */
    cancel: (jobId: string) => http.request<CancelOutcome>('DELETE', `/v1/jobs/${id(jobId)}`).then((response) => response.data),
    /** Follows the job's events until it ends, then returns it as GET /v1/jobs/{id} shows it. */
    async wait(jobId: string, waitOptions: WaitOptions = {}): Promise<JobDetail> {
      for await (const event of jobEvents(http, jobId, waitOptions)) {
        waitOptions.onEvent?.(event);
        if (terminalEvents.has(event.type)) break;
      }
      return get<JobDetail>(`/v1/jobs/${id(jobId)}`);
    },
  };

  return {
    jobs,
    inference: {
      submit: (body: InferenceRequest, submitOptions?: SubmitOptions) => submit<InferenceAccepted>('/v1/inference', body, submitOptions),
      /** Answers with the caller's personal data restored, in item order. */
      results: (jobId: string, pageOptions: PageOptions = {}) => pages<InferenceResultItem>(`/v1/inference/${id(jobId)}/results`, pageOptions),
    },
    evaluations: {
      submit: (body: EvaluationRequest, submitOptions?: SubmitOptions) => submit<JobAccepted>('/v1/evaluations', body, submitOptions),
      /** Up to 1,000 evaluations in one request; all are validated before any is enqueued. */
      submitBatch: (bodies: EvaluationRequest[], submitOptions?: SubmitOptions) =>
        submit<BulkAccepted>('/v1/evaluations/batch', { jobs: bodies }, submitOptions),
      /** Per-sample outputs and grades with the caller's data restored. */
      results: (jobId: string, pageOptions: PageOptions = {}) => pages<ItemResult>(`/v1/evaluations/${id(jobId)}/results`, pageOptions),
    },
    collections: {
      list: () => get<{ collections: Collection[] }>('/v1/collections').then((page) => page.collections),
      get: (name: string) => get<Collection>(`/v1/collections/${id(name)}`),
      ingest: (name: string, body: IngestRequest, submitOptions?: SubmitOptions) =>
        submit<IngestAccepted>(`/v1/collections/${id(name)}/documents`, body, submitOptions),
      /** The NDJSON upload: one document per line (for large uploads; the same BODY_LIMIT). */
      ingestNdjson(name: string, documents: Iterable<Document>, settings: { model?: string; maxCostUsd?: string } & SubmitOptions = {}) {
        const text = [...documents].map((document) => JSON.stringify(document)).join('\n');
        return http
          .request<IngestAccepted>('POST', `/v1/collections/${id(name)}/documents`, {
            query: { model: settings.model, maxCostUsd: settings.maxCostUsd },
            raw: { contentType: 'application/x-ndjson', text },
            ...idempotency(settings),
          })
          .then((response) => response.data);
      },
      search: (name: string, body: SearchRequest) => post<SearchResult>(`/v1/collections/${id(name)}/search`, body, { safe: true }),
      deleteDocument: (name: string, documentId: string) =>
        http.request<DocumentDeleted>('DELETE', `/v1/collections/${id(name)}/documents/${id(documentId)}`).then((response) => response.data),
    },
    cache: {
      warm: (body: WarmRequest, submitOptions?: SubmitOptions) => submit<InferenceAccepted>('/v1/cache/warm', body, submitOptions),
      stats: () => get<CacheStats>('/v1/cache/stats'),
      getWarming: () => get<WarmingSettings>('/v1/cache/warming'),
      setWarming: (body: WarmingRequest) => post<WarmingSettings>('/v1/cache/warming', body, { safe: true }),
      calibrate: (body: CalibrationRequest, submitOptions?: SubmitOptions) => submit<JobAccepted>('/v1/cache/calibrations', body, submitOptions),
      getSettings: () => get<CacheSettings>('/v1/cache/settings'),
      /** A threshold, or `fromCalibration` (a completed calibration's recommendation), and gray-band verification. */
      setSettings: (body: CacheSettingsRequest) => post<CacheSettings>('/v1/cache/settings', body, { safe: true }),
      /** Reports the hit served to one item as wrong: its entry is removed and the pair feeds calibration. */
      reportWrongHit: (body: CacheFeedbackRequest) => post<CacheFeedbackOutcome>('/v1/cache/feedback', body, { safe: true }),
    },
    pipelines: {
      submit: (body: PipelineRequest, submitOptions?: SubmitOptions) => submit<PipelineAccepted>('/v1/pipelines', body, submitOptions),
      /** Each input's output and step records with the caller's data restored. */
      results: (jobId: string, pageOptions: PageOptions = {}) => pages<ItemResult>(`/v1/pipelines/${id(jobId)}/results`, pageOptions),
      saveDefinition: (body: SavePipelineRequest) => post<PipelineDefinitionSaved>('/v1/pipelines/definitions', body),
      listDefinitions: () => get<PipelineDefinitionList>('/v1/pipelines/definitions').then((list) => list.definitions),
      getDefinition: (name: string, version?: number) => get<PipelineDefinitionView>(`/v1/pipelines/definitions/${id(name)}`, { query: { version } }),
    },
    fineTunes: {
      /** `dryRun: true` answers the checked dataset and the estimate (FineTuneEstimate); otherwise a job is accepted. */
      submit: (body: FineTuneRequest, submitOptions?: SubmitOptions) => submit<FineTuneAccepted | FineTuneEstimate>('/v1/fine-tunes', body, submitOptions),
      models: () => get<TunedModelList>('/v1/fine-tunes/models').then((list) => list.models),
    },
    advice: {
      ragVsFineTune: (body: AdviceRequest) => post<RagVsFineTuneAdvice>('/v1/advice/rag-vs-fine-tune', body, { safe: true }),
    },
    usage: (query: UsageQuery = {}) => get<Usage>('/v1/usage', { query }),
    limits: () => get<Limits>('/v1/limits'),
    health: () => get<Health>('/healthz'),
    /** Readiness, asked once: not ready is an ApiError of kind `unavailable` (its reason in the message). */
    ready: () => get<Readiness>('/readyz', { retries: 0 }),
    openapi: () => get<Record<string, unknown>>('/openapi.json'),
    /** Any route, for what the methods above do not cover (routes added later, say). */
    request: <T>(method: 'GET' | 'POST' | 'DELETE', path: string, init?: RequestOptions) => http.request<T>(method, path, init),
  };
}

function idempotency(options: SubmitOptions): { idempotencyKey?: string } {
  if (options.idempotencyKey === false) return {};
  return { idempotencyKey: options.idempotencyKey ?? `client-${globalThis.crypto.randomUUID()}` };
}
