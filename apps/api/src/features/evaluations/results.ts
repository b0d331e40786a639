import type { RequestHandler } from 'express';
import { z } from 'zod';
import { readRestoredResults } from '@llmops/eval';
import { restore } from '@llmops/pii';
import { InvalidCursorError } from '@llmops/queue';
import type { PlatformServices } from '@llmops/services';
import type { ApiDeps } from '../../deps';
import { HttpError, validationError } from '../../http/errors';
import { findOwnedJob } from '../../job-access';

export const PageQuery = z.strictObject({ cursor: z.string().min(1).optional(), limit: z.coerce.number().int().min(1).max(1_000).default(100) });

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
    const page = await readRestoredResults(deps.results, jobId, query.data, (text) => restore(text, { scope: jobId, vault: deps.services.vault })).catch(
      (error: unknown) => {
        if (error instanceof InvalidCursorError) throw new HttpError(400, 'invalid_request', 'query.cursor: not a cursor this API returned');
        throw error;
      },
    );
    res.json(page);
  };
}
