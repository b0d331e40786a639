import type { RequestHandler } from 'express';
import { createTunedModels } from '@llmops/finetune';
import type { ApiDeps } from '../../deps';

/** GET /v1/fine-tunes/models: the caller's tuned models, newest first (usable wherever a chat model is). */
export function listTunedModels(deps: ApiDeps): RequestHandler {
  return async (req, res) => {
    res.json({ models: await createTunedModels(deps.redis, deps.keys.prefix).list(req.tenant!) });
  };
}
