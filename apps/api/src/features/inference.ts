import { createSemanticCache } from '@llmops/cache';
import type { Feature } from '../deps';
import type { RouteSpec } from '../routes/table';
import { InferenceRequest, WarmingSettingsRequest, WarmRequest } from './inference/body';
import { cacheRoutes, getCacheStats } from './inference/cache-routes';
import { getWarmingSettings, putWarmingSettings } from './inference/warming-routes';
import { getInferenceResults, PageQuery } from './inference/results';
import { InferenceAccepted } from '../schemas/jobs';
import { CacheStats, InferenceResultPage, WarmingSettings } from '../schemas/inference';
import { submitInference, submitWarm } from './inference/submit';

const tenantErrors = { 400: 'invalid body (each wrong field named)', 401: 'missing or unknown API key' };

/**
 * The inference routes. `POST /v1/inference` is a feature route rather than a plain submission
 * route: it must pseudonymize the items with the job id as vault scope and store them apart from
 * the payload before enqueueing, which the generic submission handler cannot do.
 */
export const inferenceFeature: Feature = {
  routes: (deps): RouteSpec[] => {
    const cache = createSemanticCache({ redis: deps.redis, prefix: deps.keys.prefix, vectors: deps.services.vectors });
    return [
      {
        method: 'post',
        path: '/v1/inference',
        summary: 'Batched chat completions with PII pseudonymization, semantic cache and optional RAG',
        guard: 'tenant',
        handler: submitInference(deps),
        body: InferenceRequest,
        idempotent: true,
        operationId: 'submitInference',
        response: { 202: InferenceAccepted },
        responses: { 202: 'accepted: the job id and its Location', 422: 'Idempotency-Key reused with another body', ...tenantErrors },
      },
      {
        method: 'get',
        path: '/v1/inference/:id/results',
        summary: "Item results with the owner's personal data restored, paginated with a cursor",
        guard: 'tenant',
        handler: getInferenceResults(deps),
        operationId: 'listInferenceResults',
        query: PageQuery,
        response: { 200: InferenceResultPage },
        responses: { 200: 'a page of item results', 400: 'bad cursor or limit', 401: tenantErrors[401], 404: 'no such inference job for this tenant' },
      },
      {
        method: 'post',
        path: '/v1/cache/warm',
        summary: 'Answer queries ahead of traffic and store them in the semantic cache (a job)',
        guard: 'tenant',
        handler: submitWarm(deps),
        body: WarmRequest,
        idempotent: true,
        operationId: 'submitCacheWarm',
        response: { 202: InferenceAccepted },
        responses: { 202: 'accepted', ...tenantErrors },
      },
      {
        method: 'get',
        path: '/v1/cache/stats',
        summary: "The caller's cache hit rate, similarity, wrong hits and dollars saved",
        guard: 'tenant',
        handler: getCacheStats(cache),
        operationId: 'getCacheStats',
        response: { 200: CacheStats },
        responses: { 200: 'counters', 401: tenantErrors[401] },
      },
      {
        method: 'post',
        path: '/v1/cache/warming',
        summary: 'Scheduled warming of the most frequent recent misses: {enabled, every (ms), topN}; off by default',
        guard: 'tenant',
        handler: putWarmingSettings(deps),
        body: WarmingSettingsRequest,
        operationId: 'setCacheWarming',
        response: { 200: WarmingSettings },
        responses: { 200: 'the stored settings', ...tenantErrors },
      },
      {
        method: 'get',
        path: '/v1/cache/warming',
        summary: "The caller's warming settings",
        guard: 'tenant',
        handler: getWarmingSettings(deps),
        operationId: 'getCacheWarming',
        response: { 200: WarmingSettings },
        responses: { 200: 'settings', 401: tenantErrors[401] },
      },
      ...cacheRoutes(deps, cache),
    ];
  },
};
