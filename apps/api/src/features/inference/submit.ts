import type { Request, RequestHandler } from 'express';
import { inferenceItemsKey, inferenceJobs, type InferenceItem, type InferencePayload } from '@llmops/contracts';
import { pseudonymize } from '@llmops/pii';
import { submitJob } from '@llmops/queue';
import type { PlatformServices } from '@llmops/services';
import type { ApiDeps } from '../../deps';
import { validationError } from '../../http/errors';
import { requireCollection } from '../collections/collection-info';
import { requireTenantModel } from '../../submission/references';
import { canonicalHash, readIdempotencyKey, requireJson } from '../../submission/request';
import { acceptOne, settle } from '../../submission/respond';
import { InferenceRequest, WarmRequest } from './body';
import { estimateInference } from '@llmops/limits';
import { admitting, requestBytes } from '../../limits/admit';

type Deps = ApiDeps & { services: PlatformServices };

/** Items pseudonymized at once (vault round trips overlap) and written per HSET. */
const ITEMS_PER_WRITE = 250;

/**
 * Pseudonymizes every prompt with the job id as the vault scope and writes the items into a hash keyed
 * by the job id (one field per item), before the job is enqueued; the payload carries only the
 * settings and the count. Runs only for the request that created the job (never for a replay).
 */
async function storeItems(deps: Deps, tenant: string, jobId: string, items: readonly InferenceItem[]): Promise<void> {
  const policy = deps.services.piiPolicyFor(tenant);
  const itemsKey = inferenceItemsKey(deps.keys.prefix, jobId);
  for (let start = 0; start < items.length; start += ITEMS_PER_WRITE) {
    const slice = items.slice(start, start + ITEMS_PER_WRITE);
    const safe = await Promise.all(
      slice.map(async (item) => ({
        id: item.id,
        messages: await Promise.all(
          item.messages.map(async (m) => ({
            role: m.role,
            content: (await pseudonymize(m.content, { scope: jobId, policy, vault: deps.services.vault })).text,
          })),
        ),
      })),
    );
    await deps.redis
      .multi()
      .hset(itemsKey, ...safe.flatMap((item, i) => [String(start + i), JSON.stringify(item)]))
      .expire(itemsKey, deps.retentionSeconds)
      .exec();
  }
}

/** Submits an inference (or warming) job whose items are stored apart from its payload. */
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
  const estimate = await estimateInference({ payload: payload.data, items }, deps.services.registry);
  const admit = await admitting(deps.services.limits, { tenant, queue: 'inference', jobs: [{ bytes: requestBytes(req, req.body), estimate }], maxCostUsd });
  const build = async (jobId: string) => {
    await storeItems(deps, tenant, jobId, items);
    return payload.data;
  };
  return settle(
    submitJob(deps, {
      jobName: 'inference',
      tenant,
      payload: { build },
      requestHash: await canonicalHash({ path: req.path, body: req.body }),
      idempotencyKey,
      admit,
    }),
  );
}

const resultsOf = (jobId: string) => ({ results: `/v1/inference/${jobId}/results` });

/** POST /v1/inference */
export function submitInference(deps: Deps): RequestHandler {
  return async (req, res) => {
    requireJson(req);
    const parsed = InferenceRequest.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const { items, maxCostUsd, ...settings } = parsed.data;
    await requireTenantModel(
      { services: deps.services, redis: deps.redis, prefix: deps.keys.prefix, tenant: req.tenant! },
      settings.model,
      'chat',
      'body.model',
    );
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
    const { queries, system, model, parameters, maxCostUsd } = parsed.data;
    await requireTenantModel({ services: deps.services, redis: deps.redis, prefix: deps.keys.prefix, tenant: req.tenant! }, model, 'chat', 'body.model');
    const items = queries.map((query, i) => ({
      id: `q${i}`,
      messages: [...(system ? [{ role: 'system' as const, content: system }] : []), { role: 'user' as const, content: query }],
    }));
    const outcome = await submitItems(
      deps,
      req,
      items,
      { model, parameters, cache: { mode: 'semantic', threshold: 1 }, mode: 'realtime', purpose: 'warm' },
      maxCostUsd,
    );
    acceptOne(res, outcome, 'inference', resultsOf(outcome.jobId));
  };
}
