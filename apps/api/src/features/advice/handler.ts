import type { RequestHandler } from 'express';
import { cacheKeys, CacheStatsRecorder } from '@llmops/cache';
import { AdvicePriceError, computeAdvice } from '@llmops/finetune';
import { storedCollectionName } from '@llmops/ingest';
import type { PlatformServices } from '@llmops/services';
import type { ApiDeps } from '../../deps';
import { HttpError, validationError } from '../../http/errors';
import { requireModel } from '../../submission/references';
import { requireJson } from '../../submission/request';
import { requireCollection } from '../collections/collection-info';
import { AdviceRequest } from './body';
import { ingestionHistory } from './stats';

const invalid = (path: string, message: string) => new HttpError(400, 'invalid_request', `${path}: ${message}`, { issues: [{ path, message }] });

/**
 * POST /v1/advice/rag-vs-fine-tune: the collection's real statistics (chunks in the vector store;
 * tokens and update rate from its ingestion history) and the caller's traffic (its cache hit rate
 * from the tenant's own cache stats unless given) turned into the monthly and first-year cost of RAG
 * and of a fine-tuned model, the break-even traffic, and every input with where it came from.
 */
export function adviseRagOrFineTune(deps: ApiDeps & { services: PlatformServices }): RequestHandler {
  return async (req, res) => {
    requireJson(req);
    const parsed = AdviceRequest.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const body = parsed.data;
    const tenant = req.tenant!;
    const { registry } = deps.services;
    requireModel(deps.services, body.rag.model, 'chat', 'body.rag.model');
    const baseModel = body.fineTune.baseModel ?? body.rag.model;
    requireModel(deps.services, baseModel, 'chat', body.fineTune.baseModel ? 'body.fineTune.baseModel' : 'body.rag.model');
    const info = await requireCollection(deps.services, tenant, body.collection);
    const embeddingModel = String(info.meta.model ?? 'text-embedding-3-small');
    const chunks = await deps.services.vectors.forTenant(tenant).count(storedCollectionName(tenant, body.collection));
    const history = await ingestionHistory(deps, tenant, body.collection);
    const tokens = body.collectionTokens ?? (history.tokensPerChunk === null ? undefined : Math.round(chunks * history.tokensPerChunk));
    if (tokens === undefined) throw invalid('body.collectionTokens', 'no ingestion of this collection is left in the job history: give its token count');
    const tokensPerChunk = chunks > 0 ? tokens / chunks : 0;
    const stats = body.traffic.cacheHitRate === undefined ? await new CacheStatsRecorder(deps.redis, cacheKeys(deps.keys.prefix)).read(tenant) : undefined;
    const cacheHitRate = body.traffic.cacheHitRate ?? stats?.hitRate ?? 0;
    const inputs = {
      collection: { name: body.collection, chunks, tokens, embeddingModel, changedTokensPerMonth: history.changedTokensPerMonth },
      traffic: {
        queriesPerMonth: body.traffic.queriesPerMonth,
        questionTokens: body.traffic.questionTokens,
        answerTokens: body.traffic.answerTokens,
        cacheHitRate,
      },
      rag: { model: body.rag.model, contextTokens: Math.min(body.rag.maxContextTokens, Math.round(body.rag.topK * tokensPerChunk)) },
      fineTune: {
        baseModel,
        epochs: body.fineTune.epochs,
        trainingTokens: body.fineTune.trainingTokens ?? tokens,
        retrainsPerMonth: history.changedTokensPerMonth > 0 ? 30 / body.fineTune.freshnessDays : 0,
      },
    };
    let advice;
    try {
      advice = computeAdvice(inputs, {
        embedding: registry.require(embeddingModel),
        chat: registry.require(body.rag.model),
        base: registry.require(baseModel),
      });
    } catch (error) {
      if (error instanceof AdvicePriceError)
        throw invalid(
          body.fineTune.baseModel ? 'body.fineTune.baseModel' : 'body.rag.model',
          'not a fine-tunable model (no training price in the model registry)',
        );
      throw error;
    }
    res.json({
      ...advice,
      sources: {
        chunks: 'points of this tenant in the collection (vector store)',
        tokens:
          body.collectionTokens !== undefined
            ? 'the request'
            : `chunks x ${tokensPerChunk.toFixed(1)} tokens per embedded chunk (${history.jobs} ingestion jobs)`,
        changedTokensPerMonth: `tokens re-embedded after the initial load (${history.changedTokens}) over ${history.observedDays.toFixed(1)} days observed, x 30`,
        cacheHitRate: stats ? `the tenant's semantic cache (${stats.lookups} lookups)` : 'the request',
        contextTokens: `min(rag.maxContextTokens, rag.topK x tokens per chunk)`,
        retrainsPerMonth:
          history.changedTokensPerMonth > 0 ? `30 / fineTune.freshnessDays (${body.fineTune.freshnessDays})` : 'none: the collection did not change',
      },
    });
  };
}
