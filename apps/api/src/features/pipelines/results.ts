import type { RequestHandler } from 'express';
import { z } from 'zod';
import { PipelinePayload } from '@llmops/contracts';
import { resultsForOwner } from '@llmops/pipelines';
import { InvalidCursorError } from '@llmops/queue';
import type { PlatformServices } from '@llmops/services';
import type { ApiDeps } from '../../deps';
import { HttpError, validationError } from '../../http/errors';
import { findOwnedJob } from '../../job-access';
import { vaultMaps } from './protect';

export const PageQuery = z.strictObject({ cursor: z.string().min(1).optional(), limit: z.coerce.number().int().min(1).max(1_000).default(100) });

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
    const items = await resultsForOwner(vaultMaps(deps.services), tenant, jobId, payload.definition)(page.items);
    res.json({ items, nextCursor: page.nextCursor });
  };
}
