import type { RequestHandler } from 'express';
import { z } from 'zod';
import { cancelJob, cancelRequested, InvalidCursorError, InvalidListCursorError, queueOfJobId, viewJob, type JobView } from '@llmops/queue';
import type { ApiDeps } from '../deps';
import { findCancelledView, findOwnedJob } from '../job-access';
import { HttpError, validationError } from '../http/errors';

export const PageQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const ListQuery = z.strictObject({
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Job ids are `<queue>-<uuid or hash>`: anything longer or with other characters is a 400 naming the limit. */
const JobIdParam = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits, _ . : - only');

/** The `:id` route parameter, checked before any Redis lookup. */
export function jobIdParam(raw: unknown): string {
  const parsed = JobIdParam.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, 'params.id');
  return parsed.data;
}

function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.infer<S> {
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw validationError(parsed.error, 'query');
  return parsed.data;
}

/** GET /v1/jobs: the caller's jobs, newest first. */
export function listJobs(deps: ApiDeps): RequestHandler {
  return async (req, res) => {
    const query = parseQuery(ListQuery, req.query);
    const page = await deps.tenantJobs.list(req.tenant!, { cursor: query.cursor, limit: query.limit }).catch((error: unknown) => {
      if (error instanceof InvalidListCursorError) throw new HttpError(400, 'invalid_request', `query.cursor: ${error.message}`);
      throw error;
    });
    const views = await Promise.all(
      page.ids.map(async (id) => {
        const queue = queueOfJobId(id, deps.queues.names);
        const job = queue ? await deps.queues.get(queue).getJob(id) : undefined;
        if (job && queue) return withCancellation(deps, await viewJob(job, deps.queues.get(queue)));
        return findCancelledView(deps, req.tenant!, id);
      }),
    );
    res.json({ jobs: views.filter(Boolean), nextCursor: page.next });
  };
}

/** GET /v1/jobs/{id}: state, progress, attempts, timestamps, error, and the result summary. */
export function getJob(deps: ApiDeps): RequestHandler {
  return async (req, res) => {
    const id = jobIdParam(req.params.id);
    const cancelled = await findCancelledView(deps, req.tenant!, id);
    if (cancelled) return void res.json(cancelled);
    const job = await findOwnedJob(deps, req.tenant!, id);
    const view = await withCancellation(deps, await viewJob(job, deps.queues.get(job.name)));
    res.json({ ...view, results: { count: await deps.results.count(id), href: `/v1/jobs/${id}/results` } });
  };
}

/** GET /v1/jobs/{id}/results: item results in item order, a page at a time. */
export function getJobResults(deps: ApiDeps): RequestHandler {
  return async (req, res) => {
    const id = jobIdParam(req.params.id);
    await findOwnedJob(deps, req.tenant!, id);
    const query = parseQuery(PageQuery, req.query);
    try {
      const page = await deps.results.page(id, { cursor: query.cursor, limit: query.limit });
      res.json(page);
    } catch (error) {
      if (error instanceof InvalidCursorError) throw new HttpError(400, 'invalid_request', `query.cursor: ${error.message}`);
      throw error;
    }
  };
}

/** DELETE /v1/jobs/{id}: a job not yet started is removed; an active one is told to stop. */
export function deleteJob(deps: ApiDeps): RequestHandler {
  return async (req, res) => {
    const id = jobIdParam(req.params.id);
    if (await findCancelledView(deps, req.tenant!, id)) return void res.status(200).json({ id, state: 'cancelled' });
    const job = await findOwnedJob(deps, req.tenant!, id);
    const outcome = await cancelJob(deps, job);
    if (outcome === 'already-finished') throw new HttpError(409, 'job_finished', 'the job has already finished');
    if (outcome === 'removed') return void res.status(200).json({ id, state: 'cancelled' });
    res.status(202).json({ id, state: 'cancelling', message: 'the worker running the job has been told to stop' });
  };
}

/** A job that failed after its owner cancelled it (a fanned-out job fails through its parts) shows as cancelled. */
export async function withCancellation(deps: ApiDeps, view: JobView): Promise<JobView> {
  if (view.state !== 'failed' || !(await cancelRequested(deps.redis, deps.keys, view.id))) return view;
  return { ...view, state: 'cancelled', error: null };
}
