import type { RequestHandler } from 'express';
import type { SemanticCache } from '@llmops/cache';
import type { ApiDeps } from '../../deps';
import { validationError } from '../../http/errors';
import { WarmingSettingsRequest } from './body';

/** Where the worker reads warming settings (hash field = tenant). */
export const warmingSettingsKey = (prefix: string) => `${prefix}:inference:warming`;

/** GET /v1/cache/stats: the caller's hit rate, similarity, wrong hits (where known) and savings. */
export function getCacheStats(cache: SemanticCache): RequestHandler {
  return async (req, res) => {
    res.json({ tenant: req.tenant, ...(await cache.stats.read(req.tenant!)) });
  };
}

/** POST /v1/cache/warming: turns scheduled warming on or off for the caller; workers apply it. */
export function putWarmingSettings(deps: ApiDeps): RequestHandler {
  return async (req, res) => {
    const parsed = WarmingSettingsRequest.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    await deps.redis.hset(warmingSettingsKey(deps.keys.prefix), req.tenant!, JSON.stringify(parsed.data));
    res.json({ tenant: req.tenant, ...parsed.data });
  };
}

/** GET /v1/cache/warming */
export function getWarmingSettings(deps: ApiDeps): RequestHandler {
  return async (req, res) => {
    const raw = await deps.redis.hget(warmingSettingsKey(deps.keys.prefix), req.tenant!);
    res.json({ tenant: req.tenant, ...(raw ? (JSON.parse(raw) as object) : { enabled: false }) });
  };
}
