import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { InferenceItemResult } from '@llmops/contracts';
import { restore } from '@llmops/pii';
import { InvalidCursorError } from '@llmops/queue';
import type { PlatformServices } from '@llmops/services';
import type { ApiDeps } from '../../deps';
import { HttpError, validationError } from '../../http/errors';
import { findOwnedJob } from '../../job-access';

export const PageQuery = z.strictObject({ cursor: z.string().min(1).optional(), limit: z.coerce.number().int().min(1).max(1_000).default(100) });

/**
 * GET /v1/inference/:id/results: the item results with the owner's data put back. Stored results
 * (and GET /v1/jobs/:id/results) hold pseudonyms only; this route restores them with the job's vault
 * scope, and `<DOC_*>` tokens from RAG passages with the collection's scope.
 */
export function getInferenceResults(deps: ApiDeps & { services: PlatformServices }): RequestHandler {
  return async (req, res) => {
    const query = PageQuery.safeParse(req.query);
    if (!query.success) throw validationError(query.error, 'query');
    const jobId = String(req.params.id);
    const job = await findOwnedJob(deps, req.tenant!, jobId);
    if (job.name !== 'inference') throw new HttpError(404, 'not_found', 'inference job not found');
    const page = await deps.results.page(jobId, query.data).catch((error: unknown) => {
      if (error instanceof InvalidCursorError) throw new HttpError(400, 'invalid_request', 'query.cursor: not a cursor this API returned');
      throw error;
    });
    const vault = deps.services.vault;
    const items = await Promise.all(
      page.items.map(async ({ id, index, result }) => {
        const stored = result as InferenceItemResult;
        let answer = stored.answer;
        if (answer !== undefined) {
          answer = await restore(answer, { scope: jobId, vault });
          if (stored.documentScope) {
            const documentScope = stored.documentScope;
            answer = await restoreDocTokens(answer, (text) => restore(text, { scope: documentScope, vault }));
          }
        }
        return { id, index, ...stored, answer, documentScope: undefined };
      }),
    );
    res.json({ items, nextCursor: page.nextCursor });
  };
}

/** `<DOC_EMAIL_1>` -> the collection's `<EMAIL_1>` restored; unknown ones are left as they were. */
async function restoreDocTokens(text: string, restoreIn: (text: string) => Promise<string>): Promise<string> {
  const tokens = [...new Set(text.match(/<DOC_[A-Z][A-Z_]*_\d+>/g) ?? [])];
  let out = text;
  for (const token of tokens) {
    const inner = `<${token.slice(5)}`;
    const restored = await restoreIn(inner);
    if (restored !== inner) out = out.split(token).join(restored);
  }
  return out;
}
