import type { RequestHandler } from 'express';
import { PipelineName } from '@llmops/contracts';
import { createDefinitionStore, DefinitionLimitError, ownerDefinitions } from '@llmops/pipelines';
import type { PlatformServices } from '@llmops/services';
import type { ApiDeps } from '../../deps';
import { HttpError, validationError } from '../../http/errors';
import { requireJson } from '../../submission/request';
import { DefinitionQuery, SaveDefinitionRequest } from './body';
import { vaultMaps } from './protect';
import { checkDefinition, savedPipeline } from './references';

type Deps = ApiDeps & { services: PlatformServices };

/** POST /v1/pipelines/definitions: checked like a run's, stored pseudonymized (the tenant's definition scope) as the next version. */
export function saveDefinition(deps: Deps): RequestHandler {
  return async (req, res) => {
    requireJson(req);
    const parsed = SaveDefinitionRequest.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const tenant = req.tenant!;
    await checkDefinition(parsed.data.definition, { tenant, services: deps.services, redis: deps.redis, prefix: deps.keys.prefix }, 'body.definition');
    const saved = await ownerDefinitions(createDefinitionStore(deps.redis, deps.keys.prefix), vaultMaps(deps.services), tenant)
      .save(parsed.data.name, parsed.data.definition)
      .catch((error: unknown) => {
        if (error instanceof DefinitionLimitError) throw new HttpError(409, 'limit_exceeded', error.message);
        throw error;
      });
    res.status(201).json({ name: saved.name, version: saved.version, createdAt: saved.createdAt });
  };
}

/** GET /v1/pipelines/definitions: the caller's saved names with their latest version. */
export function listDefinitions(deps: Deps): RequestHandler {
  return async (req, res) => {
    res.json({ definitions: await createDefinitionStore(deps.redis, deps.keys.prefix).list(req.tenant!) });
  };
}

/** GET /v1/pipelines/definitions/:name?version=: one version (default the latest), restored for its owner. */
export function getDefinition(deps: Deps): RequestHandler {
  return async (req, res) => {
    const query = DefinitionQuery.safeParse(req.query);
    if (!query.success) throw validationError(query.error, 'query');
    const tenant = req.tenant!;
    const name = PipelineName.safeParse(req.params.name);
    if (!name.success) throw validationError(name.error, 'params.name');
    const saved = await savedPipeline(
      { tenant, services: deps.services, redis: deps.redis, prefix: deps.keys.prefix },
      { name: name.data, ...(query.data.version ? { version: query.data.version } : {}) },
      'params.name',
    );
    res.json(await ownerDefinitions(createDefinitionStore(deps.redis, deps.keys.prefix), vaultMaps(deps.services), tenant).restored(saved));
  };
}
