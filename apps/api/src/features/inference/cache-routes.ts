import type { RequestHandler } from 'express';
import { z } from 'zod';
import { embeddingId, VerificationPolicy, type ResolvedSettings, type SemanticCache } from '@llmops/cache';
import { CacheCalibrationReport } from '@llmops/contracts';
import type { PlatformServices } from '@llmops/services';
import type { ApiDeps } from '../../deps';
import { HttpError, validationError } from '../../http/errors';
import { findOwnedJob } from '../../job-access';
import type { RouteSpec } from '../../routes/table';
import { requireModel } from '../../submission/references';
import { CacheFeedbackOutcome, CacheSettings } from '../../schemas/inference';

type Deps = ApiDeps & { services: PlatformServices };

/** `POST /v1/cache/settings`: a threshold (or the recommendation of a calibration), and gray-band verification. */
export const CacheSettingsRequest = z
  .strictObject({
    /** The similarity threshold for the cache's embedding; null: back to the embedding's default. */
    threshold: z.number().min(0.5).max(1).nullable().optional(),
    /** A completed `POST /v1/cache/calibrations` job of the caller: its recommended threshold is applied. */
    fromCalibration: z.string().min(1).max(200).optional(),
    /** Gray-band verification by a small model; null: off. */
    verification: VerificationPolicy.nullable().optional(),
  })
  .refine((body) => !(body.threshold !== undefined && body.fromCalibration !== undefined), {
    message: 'give threshold or fromCalibration, not both',
    path: ['fromCalibration'],
  });

/** `POST /v1/cache/feedback`: the hit served to one item of one job was wrong. */
export const CacheFeedbackRequest = z.strictObject({
  jobId: z.string().min(1).max(200),
  itemId: z.string().regex(/^[A-Za-z0-9_.:-]{1,200}$/, 'letters, digits and _ . : - (max 200)'),
});

const settingsView = (tenant: string, settings: ResolvedSettings) => ({
  tenant,
  ...settings,
  embedding: { ...settings.embedding, id: embeddingId(settings.embedding) },
});

/** GET /v1/cache/stats: the caller's hit rate, similarity, wrong hits and savings, and hits per similarity for the current embedding. */
export function getCacheStats(cache: SemanticCache): RequestHandler {
  return async (req, res) => {
    const tenant = req.tenant!;
    const [stats, bySimilarity] = await Promise.all([cache.stats.read(tenant), cache.feedback.observed(tenant, cache.embedding)]);
    res.json({ tenant, ...stats, embedding: embeddingId(cache.embedding), bySimilarity });
  };
}

/** GET /v1/cache/settings: the threshold lookups use (and where it comes from), and verification. */
export function getCacheSettings(cache: SemanticCache): RequestHandler {
  return async (req, res) => {
    res.json(settingsView(req.tenant!, await cache.settings.resolve(req.tenant!)));
  };
}

/** The recommended threshold of a completed calibration the caller owns, for the cache's embedding. */
async function recommendation(deps: Deps, cache: SemanticCache, tenant: string, jobId: string): Promise<number> {
  const missing = new HttpError(404, 'not_found', 'body.fromCalibration: no completed cache calibration of this tenant with that id', {
    issues: [{ path: 'body.fromCalibration', message: 'not found' }],
  });
  const job = await findOwnedJob(deps, tenant, jobId).catch((error: unknown) => {
    throw error instanceof HttpError && error.status === 404 ? missing : error;
  });
  if (job.name !== 'cache-calibration' || (await job.getState()) !== 'completed') throw missing;
  const report = CacheCalibrationReport.parse(job.returnvalue);
  const calibrated = report.embedding ?? { model: report.model, dimensions: 0 };
  if (embeddingId(calibrated) !== embeddingId(cache.embedding)) {
    throw new HttpError(
      409,
      'calibration_mismatch',
      `body.fromCalibration: that calibration measured ${embeddingId(calibrated)}; the cache embeds with ${embeddingId(cache.embedding)}`,
    );
  }
  if (!report.recommendation) throw new HttpError(409, 'no_recommendation', 'body.fromCalibration: no threshold of that calibration met its wrong-hit target');
  return report.recommendation.threshold;
}

/** POST /v1/cache/settings: changes the caller's threshold and verification; answers the settings now in force. */
export function postCacheSettings(deps: Deps, cache: SemanticCache): RequestHandler {
  return async (req, res) => {
    const parsed = CacheSettingsRequest.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const tenant = req.tenant!;
    const body = parsed.data;
    if (body.verification) requireModel(deps.services, body.verification.model, 'chat', 'body.verification.model');
    const threshold = body.fromCalibration !== undefined ? await recommendation(deps, cache, tenant, body.fromCalibration) : body.threshold;
    const settings = await cache.settings.change(tenant, {
      ...(threshold !== undefined ? { threshold } : {}),
      ...(body.fromCalibration !== undefined ? { calibration: body.fromCalibration } : {}),
      ...(body.verification !== undefined ? { verification: body.verification } : {}),
    });
    res.json(settingsView(tenant, settings));
  };
}

/** POST /v1/cache/feedback: removes the entry behind a wrong hit, blocks the pair, counts it. */
export function postCacheFeedback(deps: Deps, cache: SemanticCache): RequestHandler {
  return async (req, res) => {
    const parsed = CacheFeedbackRequest.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const tenant = req.tenant!;
    const { jobId, itemId } = parsed.data;
    await findOwnedJob(deps, tenant, jobId);
    const outcome = await cache.feedback.reportWrong(tenant, jobId, itemId);
    if (outcome.status === 'not-a-hit') throw new HttpError(404, 'not_found', 'no cache hit was served to that item of that job');
    res.json({ jobId, itemId, ...outcome });
  };
}

const unauthorized = { 401: 'missing or unknown API key' };

/** The cache's settings and feedback routes (mounted by the inference feature). */
export function cacheRoutes(deps: Deps, cache: SemanticCache): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/v1/cache/settings',
      summary: "The caller's similarity threshold for the cache's embedding (own or default, and from which calibration) and gray-band verification",
      guard: 'tenant',
      handler: getCacheSettings(cache),
      operationId: 'getCacheSettings',
      response: { 200: CacheSettings },
      responses: { 200: 'the settings in force', ...unauthorized },
    },
    {
      method: 'post',
      path: '/v1/cache/settings',
      summary: 'Set the threshold, or apply a calibration\'s recommendation in one call ({"fromCalibration": "<job id>"}), and gray-band verification',
      guard: 'tenant',
      handler: postCacheSettings(deps, cache),
      operationId: 'setCacheSettings',
      response: { 200: CacheSettings },
      body: CacheSettingsRequest,
      responses: {
        200: 'the settings now in force',
        400: 'invalid body (each wrong field named)',
        ...unauthorized,
        404: 'no completed calibration of this tenant with that id',
        409: 'the calibration measured another embedding, or recommended nothing',
      },
    },
    {
      method: 'post',
      path: '/v1/cache/feedback',
      summary: 'Report the hit served to an item as wrong: the entry is removed, never answers that prompt again, and counts as a wrong hit',
      guard: 'tenant',
      handler: postCacheFeedback(deps, cache),
      operationId: 'reportCacheFeedback',
      response: { 200: CacheFeedbackOutcome },
      body: CacheFeedbackRequest,
      responses: {
        200: 'reported (or already reported)',
        400: 'invalid body (each wrong field named)',
        ...unauthorized,
        404: 'no such job for this tenant, or no cache hit served to that item',
      },
    },
  ];
}
