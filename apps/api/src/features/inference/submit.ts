import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { inferenceItemsKey, inferenceJobs, type InferenceItem, type InferencePayload } from '@llmops/contracts';
import { pseudonymize } from '@llmops/pii';
import { idempotentJobId, submitJob } from '@llmops/queue';
import type { PlatformServices } from '@llmops/services';
import type { ApiDeps } from '../../deps';
import { HttpError, validationError } from '../../http/errors';
import { canonicalHash } from '../../routes/submit';
import { InferenceRequest, WarmRequest } from './body';

type Deps = ApiDeps & { services: PlatformServices };

/** Items pseudonymized at once (vault round trips overlap) and written per HSET. */
const ITEMS_PER_WRITE = 250;

/**
 * Submits an inference job. The job id is fixed before anything is written (derived from the
 * Idempotency-Key, or from a fresh random key), because it is the PII vault scope: every prompt is
 * pseudonymized with it here, before it reaches Redis. Items go into a hash keyed by the job id (one
 * field per item), and the payload carries only the settings and the count.
 */
async function submitItems(deps: Deps, req: Parameters<RequestHandler>[0], items: readonly InferenceItem[], settings: Omit<InferencePayload, 'itemCount'>) {
  const tenant = req.tenant!;
  const header = req.header('idempotency-key');
  if (header !== undefined && !/^[\x21-\x7e]{1,255}$/.test(header)) throw new HttpError(400, 'invalid_request', 'Idempotency-Key header: printable ASCII without spaces');
  const key = header ?? `auto:${randomUUID()}`;
  const jobId = idempotentJobId('inference', tenant, key);
  const requestHash = canonicalHash({ path: req.path, body: req.body });
  const existing = await deps.queues.get('inference').getJob(jobId);
  if (!existing) {
    const policy = deps.services.piiPolicyFor(tenant);
    const itemsKey = inferenceItemsKey(deps.keys.prefix, jobId);
    for (let start = 0; start < items.length; start += ITEMS_PER_WRITE) {
      const slice = items.slice(start, start + ITEMS_PER_WRITE);
      const safe = await Promise.all(
        slice.map(async (item) => ({
          id: item.id,
          messages: await Promise.all(
            item.messages.map(async (m) => ({ role: m.role, content: (await pseudonymize(m.content, { scope: jobId, policy, vault: deps.services.vault })).text })),
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
  const payload = inferenceJobs.inference.payload.safeParse({ ...settings, itemCount: items.length });
  if (!payload.success) throw validationError(payload.error);
  const outcome = await submitJob(deps, { jobName: 'inference', tenant, payload: payload.data, requestHash, idempotencyKey: key });
  if (outcome.kind === 'conflict') throw new HttpError(422, 'idempotency_key_reused', 'Idempotency-Key was already used with a different request body');
  return outcome;
}

const accepted = (res: Parameters<RequestHandler>[1], outcome: { jobId: string; kind: string }) => {
  const location = `/v1/jobs/${outcome.jobId}`;
  res.setHeader('Location', location);
  if (outcome.kind === 'replayed') res.setHeader('Idempotent-Replayed', 'true');
  res.status(202).json({ id: outcome.jobId, type: 'inference', status: location, results: `/v1/inference/${outcome.jobId}/results`, replayed: outcome.kind === 'replayed' });
};

/** POST /v1/inference */
export function submitInference(deps: Deps): RequestHandler {
  return async (req, res) => {
    const parsed = InferenceRequest.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const { items, ...settings } = parsed.data;
    accepted(res, await submitItems(deps, req, items, { ...settings, purpose: 'answer' }));
  };
}

/** POST /v1/cache/warm: the queries become items of a `warm` job, answered into the cache. */
export function submitWarm(deps: Deps): RequestHandler {
  return async (req, res) => {
    const parsed = WarmRequest.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const { queries, system, model, parameters } = parsed.data;
    const items = queries.map((query, i) => ({
      id: `q${i}`,
      messages: [...(system ? [{ role: 'system' as const, content: system }] : []), { role: 'user' as const, content: query }],
    }));
    accepted(res, await submitItems(deps, req, items, { model, parameters, cache: { mode: 'semantic', threshold: 1 }, mode: 'realtime', purpose: 'warm' }));
  };
}
