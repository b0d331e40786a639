import type { RequestHandler } from 'express';
import { listTenantCollections, searchCollection as searchChunks, viewCollection } from '@llmops/ingest';
import type { PlatformServices } from '@llmops/services';
import type { ApiDeps } from '../../deps';
import { validationError } from '../../http/errors';
import { requireCollection } from './collection-info';
import { mapErrors } from './errors';
import { collectionName } from './params';
import { SearchBody } from './schemas';

type Deps = ApiDeps & { services: PlatformServices };

/** POST /v1/collections/{name}/search: the caller's nearest chunks, pseudonyms restored. */
export function searchCollection(deps: Deps): RequestHandler {
  return async (req, res) => {
    const tenant = req.tenant!;
    const name = collectionName(req.params.name);
    const body = SearchBody.safeParse(req.body ?? {});
    if (!body.success) throw validationError(body.error);
    const info = await requireCollection(deps.services, tenant, name);
    res.json(await mapErrors(() => searchChunks(deps.services, { tenant, collection: name, info, ...body.data })));
  };
}

/** GET /v1/collections: the caller's collections with their model, size and chunk count. */
export function listCollections(deps: Deps): RequestHandler {
  return async (req, res) => {
    res.json({ collections: await listTenantCollections(deps.services, req.tenant!) });
  };
}

/** GET /v1/collections/{name} */
export function getCollection(deps: Deps): RequestHandler {
  return async (req, res) => {
    const tenant = req.tenant!;
    const name = collectionName(req.params.name);
    const info = await requireCollection(deps.services, tenant, name);
    res.json(await viewCollection(deps.services, tenant, name, info));
  };
}
