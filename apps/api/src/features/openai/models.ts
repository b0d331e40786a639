import { notFoundError } from './errors';
import type { Deps, FrontDoorHandler } from './front-door';

/** OpenAI's Model object for a model the platform knows (the registry, or MODEL_OVERRIDES). */
const modelObject = (name: string) => ({ id: name, object: 'model' as const, created: 0, owned_by: 'llmops' });

/** GET /openai/v1/models: the chat and embedding models requests may name. */
export function listModels(deps: Deps): FrontDoorHandler {
  return async (_req, res) => {
    res.json({ object: 'list', data: deps.services.registry.list().map((model) => modelObject(model.name)) });
  };
}

/** GET /openai/v1/models/{model} */
export function retrieveModel(deps: Deps): FrontDoorHandler {
  return async (req, res) => {
    const model = deps.services.registry.get(String(req.params.model));
    if (!model) throw notFoundError('model', 'model');
    res.json(modelObject(model.name));
  };
}
