import { canonicalize, literalsOf } from '../canonical';
import { DEFAULT_CACHE_EMBEDDING, embedParams, type CacheEmbedding } from '../embedding';
import { CacheFeedback } from '../feedback';
import { cacheKeys } from '../keys';
import { CacheStatsRecorder } from '../stats';
import type { evaluationJobs, PayloadOf } from '@llmops/contracts';
import { calibrate, cosine, loadCachePairs } from '@llmops/eval';
import type { JobContext } from '@llmops/queue';
import type { ProcessorDeps } from '@llmops/services';

type CalibrationPayload = PayloadOf<typeof evaluationJobs, 'cache-calibration'>;

/** Sizes calibration asks of an embedding model other than the cache's own (its native size otherwise). */
const CALIBRATION_DIMENSIONS: Readonly<Record<string, number>> = { 'text-embedding-3-small': 256, 'text-embedding-3-large': 256 };

/**
 * Cache calibration, measured exactly as the cache decides: every text is canonicalized as the cache
 * canonicalizes prompts, embedded with the cache's embedding call (same model, same dimensions), and a
 * pair can only count as a hit when the literal guard would let it through (same numbers and pseudonym
 * tokens). The tenant's wrong-hit reports for that embedding join the labelled pairs as negatives. One
 * ledger key per job, so a retry is not billed again.
 */
export async function runCacheCalibration(deps: ProcessorDeps, context: JobContext<CalibrationPayload>) {
  const { payload } = context;
  const embedding = calibrationEmbedding(payload.model);
  const keys = cacheKeys(deps.prefix);
  const feedback = new CacheFeedback(deps.redis, keys, { stats: new CacheStatsRecorder(deps.redis, keys) });
  const reported = await feedback.pairs(context.tenant, embedding);
  const pairs = [...(payload.pairs ?? loadCachePairs()), ...reported];
  const canonical = (text: string) => canonicalize(text).text;
  const texts = [...new Set(pairs.flatMap((pair) => [canonical(pair.a), canonical(pair.b)]))];
  const embedded = await deps.services.llm.embed(texts, {
    tenant: context.tenant,
    jobType: 'cache-calibration',
    jobId: context.jobId,
    // An unknown model is asked at its native size (0: not known until the vectors come back).
    ...(embedding.dimensions > 0 ? embedParams(embedding) : { model: embedding.model }),
    idempotencyKey: `${context.jobId}:embed`,
    signal: context.signal,
  });
  const vectorOf = new Map(texts.map((text, index) => [text, embedded.vectors[index]!]));
  const scored = pairs.map((pair) => {
    const [a, b] = [canonical(pair.a), canonical(pair.b)];
    // The cache never serves a candidate whose literals differ: such a pair can never be a hit.
    const similarity = literalsOf(a) === literalsOf(b) ? cosine(vectorOf.get(a)!, vectorOf.get(b)!) : -1;
    return { same: pair.same, similarity };
  });
  const report = calibrate(scored, {
    ...(payload.thresholds ? { thresholds: payload.thresholds } : {}),
    ...(payload.targetWrongHitRate !== undefined ? { targetWrongHitRate: payload.targetWrongHitRate } : {}),
  });
  const dimensions = embedded.vectors[0]?.length ?? embedding.dimensions;
  return {
    model: embedding.model,
    embedding: { model: embedding.model, dimensions },
    ...report,
    pairs: { ...report.pairs, feedback: reported.length },
    cost: { usd: embedded.costUsd },
  };
}

/** The cache's own embedding, unless the request names another model (to calibrate before switching). */
function calibrationEmbedding(model: string | undefined): CacheEmbedding {
  if (model === undefined || model === DEFAULT_CACHE_EMBEDDING.model) return DEFAULT_CACHE_EMBEDDING;
  return { model, dimensions: CALIBRATION_DIMENSIONS[model] ?? 0 };
}
