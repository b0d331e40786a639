import type { RequestHandler } from 'express';
import { piiScope, protectFilter, protectText, restoreText, userCollectionName, type MetadataValue } from '@llmops/ingest';
import type { PlatformServices } from '@llmops/services';
import type { ApiDeps } from '../../deps';
import { countTokens } from '@llmops/tokens';
import { HttpError, validationError } from '../../http/errors';
import { requireCollection, viewCollection } from './collection-info';
import { collectionName } from './documents';
import { mapErrors } from './errors';
import { SearchBody } from './schemas';

type Deps = ApiDeps & { services: PlatformServices };

/**
 * POST /v1/collections/{name}/search: embeds the (pseudonymized) query with the collection's model
 * and returns the caller's nearest chunks, with the pseudonyms restored (the caller owns them).
 */
export function searchCollection(deps: Deps): RequestHandler {
  return async (req, res) => {
    const tenant = req.tenant!;
    const name = collectionName(req.params.name);
    const body = SearchBody.safeParse(req.body ?? {});
    if (!body.success) throw validationError(body.error);
    const info = await requireCollection(deps.services, tenant, name);
    const model = String(info.meta.model);
    requireQueryFits(deps.services, model, body.data.query);
    const context = { scope: piiScope(tenant, name), policy: deps.services.piiPolicyFor(tenant), vault: deps.services.vault };
    // The same scope as ingestion: "jane@x.com" in a query becomes the token her chunks carry.
    const query = await protectText(body.data.query, context);
    const filter = body.data.filter ? await protectFilter(body.data.filter, context) : undefined;
    const embedded = await mapErrors(() => deps.services.llm.embed([query], { model, tenant, jobType: 'search' }));
    const hits = await mapErrors(() =>
      deps.services.vectors.forTenant(tenant).search(info.name, { vector: embedded.vectors[0]!, topK: body.data.topK, ...(filter ? { filter } : {}) }),
    );
    const results = await Promise.all(
      hits.map(async (hit) => ({
        id: hit.id,
        score: hit.score,
        documentId: hit.payload.documentId,
        chunkIndex: hit.payload.chunkIndex,
        start: hit.payload.start,
        end: hit.payload.end,
        text: await restoreText(hit.payload.text, context),
        metadata: await restoreMetadata(hit.payload.metadata, context),
      })),
    );
    res.json({ collection: name, model, hits: results, usage: { tokens: embedded.usage.inputTokens, costUsd: embedded.costUsd } });
  };
}

/** A query longer than the embedding model accepts is the caller's mistake: a 400 naming the limit. */
function requireQueryFits(services: PlatformServices, model: string, query: string): void {
  const limit = services.registry.get(model)?.embedding?.maxTokensPerInput;
  if (limit === undefined) return;
  const tokens = countTokens(query, model);
  if (tokens > limit) {
    const message = `${tokens} tokens; the collection's model ${model} embeds at most ${limit} per input`;
    throw new HttpError(400, 'invalid_request', `body.query: ${message}`, { issues: [{ path: 'body.query', message }] });
  }
}

async function restoreMetadata(metadata: Record<string, MetadataValue>, context: Parameters<typeof restoreText>[1]) {
  const out: Record<string, MetadataValue> = {};
  for (const [key, value] of Object.entries(metadata)) out[key] = typeof value === 'string' ? await restoreText(value, context) : value;
  return out;
}

/** GET /v1/collections: the caller's collections with their model, size and chunk count. */
export function listCollections(deps: Deps): RequestHandler {
  return async (req, res) => {
    const tenant = req.tenant!;
    const all = await deps.services.vectors.listCollections();
    const mine = all.flatMap((info) => {
      const name = userCollectionName(tenant, info.name);
      return name === undefined ? [] : [{ name, info }];
    });
    res.json({ collections: await Promise.all(mine.map(({ name, info }) => viewCollection(deps.services, tenant, name, info))) });
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
