import type { RequestHandler } from 'express';
import { z } from 'zod';
import { restore, type Vault } from '@llmops/pii';
import { InvalidCursorError } from '@llmops/queue';
import type { PlatformServices } from '@llmops/services';
import type { ApiDeps } from '../../deps';
import { HttpError, validationError } from '../../http/errors';
import { findOwnedJob } from '../../job-access';

export const PageQuery = z.strictObject({ cursor: z.string().min(1).optional(), limit: z.coerce.number().int().min(1).max(1_000).default(100) });

/** Every string in a JSON value with the scope's pseudonyms put back (iteratively: results may nest). */
async function restoreDeep(value: unknown, scope: string, vault: Vault): Promise<unknown> {
  if (typeof value === 'string') return value.includes('<') ? restore(value, { scope, vault }) : value;
  if (Array.isArray(value)) return Promise.all(value.map((inner) => restoreDeep(inner, scope, vault)));
  if (value && typeof value === 'object') {
    const entries = await Promise.all(Object.entries(value).map(async ([key, inner]) => [key, await restoreDeep(inner, scope, vault)] as const));
    return Object.fromEntries(entries);
  }
  return value;
}

/**
 * GET /v1/evaluations/:id/results: the per-sample grades with the owner's data put back (outputs, grade
 * details). Stored results (and GET /v1/jobs/:id/results) hold pseudonyms only.
 */
export function getEvaluationResults(deps: ApiDeps & { services: PlatformServices }): RequestHandler {
  return async (req, res) => {
    const query = PageQuery.safeParse(req.query);
    if (!query.success) throw validationError(query.error, 'query');
    const jobId = String(req.params.id);
    const job = await findOwnedJob(deps, req.tenant!, jobId);
    if (job.name !== 'evaluation') throw new HttpError(404, 'not_found', 'evaluation job not found');
    const page = await deps.results.page(jobId, query.data).catch((error: unknown) => {
      if (error instanceof InvalidCursorError) throw new HttpError(400, 'invalid_request', 'query.cursor: not a cursor this API returned');
      throw error;
    });
    const items = await Promise.all(page.items.map(async (item) => ({ ...item, result: await restoreDeep(item.result, jobId, deps.services.vault) })));
    res.json({ items, nextCursor: page.nextCursor });
  };
}
