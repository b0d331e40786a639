import type { Request, RequestHandler } from 'express';
import { inferenceJobs, type InferenceItem, type InferencePayload } from '@llmops/contracts';
import { prepareInference, warmJob } from '@llmops/inference';
import { submitJob } from '@llmops/queue';
import type { PlatformServices } from '@llmops/services';
import type { ApiDeps } from '../../deps';
import { validationError } from '../../http/errors';
import { requireCollection } from '../collections/collection-info';
import { requireTenantModel } from '../../submission/references';
import { canonicalHash, readIdempotencyKey, requireJson } from '../../submission/request';
import { acceptOne, settle } from '../../submission/respond';
import { InferenceRequest, WarmRequest } from './body';
import { admitting, requestBytes } from '../../limits/admit';

type Deps = ApiDeps & { services: PlatformServices };

/** Submits an inference (or warming) job; @llmops/inference prepares it (estimate, item writes). */
async function submitItems(
  deps: Deps,
  req: Request,
  items: readonly InferenceItem[],
  settings: Omit<InferencePayload, 'itemCount'>,
  maxCostUsd: string | undefined,
) {
  const tenant = req.tenant!;
  const idempotencyKey = readIdempotencyKey(req);
  const payload = inferenceJobs.inference.payload.safeParse({ ...settings, itemCount: items.length });
  if (!payload.success) throw validationError(payload.error);
  const prepared = await prepareInference(
    { services: deps.services, redis: deps.redis, prefix: deps.keys.prefix, retentionSeconds: deps.retentionSeconds },
    { tenant, payload: payload.data, items },
  );
  const jobs = [{ bytes: requestBytes(req, req.body), estimate: prepared.estimate }];
  const admit = await admitting(deps.services.limits, { tenant, queue: 'inference', jobs, maxCostUsd });
  const requestHash = await canonicalHash({ path: req.path, body: req.body });
  return settle(submitJob(deps, { jobName: 'inference', tenant, payload: { build: prepared.build }, requestHash, idempotencyKey, admit }));
}

const resultsOf = (jobId: string) => ({ results: `/v1/inference/${jobId}/results` });
const checkModel = (deps: Deps, req: Request, model: string) =>
  requireTenantModel({ services: deps.services, redis: deps.redis, prefix: deps.keys.prefix, tenant: req.tenant! }, model, 'chat', 'body.model');

/** POST /v1/inference */
export function submitInference(deps: Deps): RequestHandler {
  return async (req, res) => {
    requireJson(req);
    const parsed = InferenceRequest.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const { items, maxCostUsd, ...settings } = parsed.data;
    await checkModel(deps, req, settings.model);
    if (settings.rag) await requireCollection(deps.services, req.tenant!, settings.rag.collection);
    const outcome = await submitItems(deps, req, items, { ...settings, purpose: 'answer' }, maxCostUsd);
    acceptOne(res, outcome, 'inference', resultsOf(outcome.jobId));
  };
}

/** POST /v1/cache/warm: the queries become items of a `warm` job, answered into the cache. */
export function submitWarm(deps: Deps): RequestHandler {
  return async (req, res) => {
    requireJson(req);
    const parsed = WarmRequest.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const { maxCostUsd, ...request } = parsed.data;
    await checkModel(deps, req, request.model);
    const { items, settings } = warmJob(request);
    const outcome = await submitItems(deps, req, items, settings, maxCostUsd);
    acceptOne(res, outcome, 'inference', resultsOf(outcome.jobId));
  };
}
