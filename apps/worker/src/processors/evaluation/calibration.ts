import type { evaluationJobs, PayloadOf } from '@llmops/contracts';
import { calibrate, cosine, loadCachePairs } from '@llmops/eval';
import type { JobContext } from '@llmops/queue';
import type { ProcessorDeps } from '../types';

type CalibrationPayload = PayloadOf<typeof evaluationJobs, 'cache-calibration'>;

/**
 * Cache calibration: embeds every distinct prompt once (one ledger key per job, so a retry is not
 * billed again), scores each labelled pair by cosine, and tabulates hit / wrong-hit rates.
 */
export async function runCacheCalibration(deps: ProcessorDeps, context: JobContext<CalibrationPayload>) {
  const { payload } = context;
  const pairs = payload.pairs ?? loadCachePairs();
  const model = payload.model ?? 'text-embedding-3-small';
  const texts = [...new Set(pairs.flatMap((pair) => [pair.a, pair.b]))];
  const embedded = await deps.services.llm.embed(texts, {
    tenant: context.tenant,
    jobType: 'cache-calibration',
    jobId: context.jobId,
    model,
    idempotencyKey: `${context.jobId}:embed`,
    signal: context.signal,
  });
  const vectorOf = new Map(texts.map((text, index) => [text, embedded.vectors[index]!]));
  const scored = pairs.map((pair) => ({ same: pair.same, similarity: cosine(vectorOf.get(pair.a)!, vectorOf.get(pair.b)!) }));
  const report = calibrate(scored, {
    ...(payload.thresholds ? { thresholds: payload.thresholds } : {}),
    ...(payload.targetWrongHitRate !== undefined ? { targetWrongHitRate: payload.targetWrongHitRate } : {}),
  });
  return { model, ...report, cost: { usd: embedded.costUsd } };
}
