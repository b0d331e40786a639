import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { readJson, WarmingSettingsRecord, warmingSchedulerId, warmingSettingsKey, type CacheWarmTickPayload, type JobEnvelope } from '@llmops/contracts';
import type { ApiDeps } from '../../deps';
import { validationError } from '../../http/errors';
import { WarmingSettingsRequest } from './body';

/**
 * Makes the tenant's BullMQ job scheduler on the `cache-warm-tick` queue match its settings: one
 * scheduler while warming is on, none when off. This route is the only writer of warming schedulers.
 */
async function applyWarmingSchedule(deps: ApiDeps, tenant: string, settings: WarmingSettingsRecord): Promise<void> {
  const queue = deps.queues.get('cache-warm-tick');
  const id = warmingSchedulerId(tenant);
  if (!settings.enabled) {
    await queue.removeJobScheduler(id);
    return;
  }
  const payload: CacheWarmTickPayload = { topN: settings.topN };
  // The envelope every job carries; the hash stands for "the scheduler's settings", not a request body.
  const data: JobEnvelope = {
    tenant,
    requestHash: createHash('sha256').update(JSON.stringify(settings)).digest('hex'),
    submittedAt: new Date().toISOString(),
    payload,
  };
  await queue.upsertJobScheduler(id, { every: settings.every }, { name: 'cache-warm-tick', data });
}

/** POST /v1/cache/warming: turns scheduled warming on or off for the caller (the scheduler first, then the settings). */
export function putWarmingSettings(deps: ApiDeps): RequestHandler {
  return async (req, res) => {
    const parsed = WarmingSettingsRequest.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    await applyWarmingSchedule(deps, req.tenant!, parsed.data);
    await deps.redis.hset(warmingSettingsKey(deps.keys.prefix), req.tenant!, JSON.stringify(parsed.data));
    res.json({ tenant: req.tenant, ...parsed.data });
  };
}

/** GET /v1/cache/warming */
export function getWarmingSettings(deps: ApiDeps): RequestHandler {
  return async (req, res) => {
    const raw = await deps.redis.hget(warmingSettingsKey(deps.keys.prefix), req.tenant!);
    res.json({ tenant: req.tenant, ...(raw ? readJson(WarmingSettingsRecord, raw) : { enabled: false }) });
  };
}
