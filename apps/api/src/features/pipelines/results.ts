import type { RequestHandler } from 'express';
import { z } from 'zod';
import { PipelinePayload } from '@llmops/contracts';
import { piiScope } from '@llmops/ingest';
import { definitionCollections } from '@llmops/pipelines';
import { InvalidCursorError } from '@llmops/queue';
import type { PlatformServices } from '@llmops/services';
import type { ApiDeps } from '../../deps';
import { HttpError, validationError } from '../../http/errors';
import { findOwnedJob } from '../../job-access';
import { restorer, type TextMap } from './protect';

export const PageQuery = z.strictObject({ cursor: z.string().min(1).optional(), limit: z.coerce.number().int().min(1).max(1_000).default(100) });

/** Every string of a JSON value mapped (iteratively by level: results may nest deeply, never past JSON's own depth). */
async function mapDeep(value: unknown, map: TextMap): Promise<unknown> {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return Promise.all(value.map((inner) => mapDeep(inner, map)));
  if (value && typeof value === 'object')
    return Object.fromEntries(await Promise.all(Object.entries(value).map(async ([key, inner]) => [key, await mapDeep(inner, map)] as const)));
  return value;
}

/**
 * `<DOC_EMAIL_1>` tokens came from a collection's scope (retrieved passages): each is put back with the
 * first of the definition's collections that knows it; unknown ones stay as they are.
 */
function docRestorer(services: PlatformServices, tenant: string, collections: readonly string[]): TextMap {
  const scopes = collections.map((collection) => restorer(services, piiScope(tenant, collection)));
  return async (text) => {
    let out = text;
    for (const token of new Set(text.match(/<DOC_[A-Z][A-Z_]*_\d+>/g) ?? [])) {
      const inner = `<${token.slice(5)}`;
      for (const restore of scopes) {
        const restored = await restore(inner);
        if (restored !== inner) {
          out = out.split(token).join(restored);
          break;
        }
      }
    }
    return out;
  };
}

/**
 * GET /v1/pipelines/:id/results: each input's output, step records (cache, usage, cost, the run
 * that did it) and errors, with the owner's data put back (the job's scope, and the collections' for
 * retrieved passages). Stored results, and GET /v1/jobs/:id/results, hold pseudonyms only.
 */
export function getPipelineResults(deps: ApiDeps & { services: PlatformServices }): RequestHandler {
  return async (req, res) => {
    const query = PageQuery.safeParse(req.query);
    if (!query.success) throw validationError(query.error, 'query');
    const jobId = String(req.params.id);
    const tenant = req.tenant!;
    const job = await findOwnedJob(deps, tenant, jobId);
    if (job.name !== 'pipeline') throw new HttpError(404, 'not_found', 'pipeline job not found');
    const payload = PipelinePayload.parse((job.data as { payload?: unknown }).payload);
    const page = await deps.results.page(jobId, query.data).catch((error: unknown) => {
      if (error instanceof InvalidCursorError) throw new HttpError(400, 'invalid_request', 'query.cursor: not a cursor this API returned');
      throw error;
    });
    const fromJob = restorer(deps.services, jobId);
    const fromDocs = docRestorer(deps.services, tenant, [...new Set(definitionCollections(payload.definition).map((entry) => entry.collection))]);
    const restore: TextMap = async (text) => (text.includes('<') ? fromDocs(await fromJob(text)) : text);
    const items = await Promise.all(page.items.map(async (item) => ({ ...item, result: await mapDeep(item.result, restore) })));
    res.json({ items, nextCursor: page.nextCursor });
  };
}
