import type { RequestHandler } from 'express';
import { z } from 'zod';
import { submitJob, submitJobs } from '@llmops/queue';
import type { ApiDeps, SubmissionContext, SubmissionRoute } from '../deps';
import { HttpError, validationError } from '../http/errors';
import { admitting, requestBytes, type JobDemand } from '../limits/admit';
import { canonicalHash, readIdempotencyKey, requireJson } from '../submission/request';
import { acceptMany, acceptOne, settle } from '../submission/respond';

/** POST handler for one job type: validate, derive the payload, enqueue once, answer 202. */
export function submissionHandler(deps: ApiDeps, route: SubmissionRoute): RequestHandler {
  const definition = deps.catalog[route.job];
  if (!definition) throw new Error(`submission route ${route.path} names unknown job "${route.job}"`);
  return async (req, res) => {
    requireJson(req);
    const idempotencyKey = readIdempotencyKey(req);
    const tenant = req.tenant!;
    const body = route.body.safeParse(req.body);
    if (!body.success) throw validationError(body.error);
    const params = req.params as Record<string, string>;
    await route.check?.(body.data, { tenant, params, services: deps.services, queues: deps.queues, redis: deps.redis, prefix: deps.keys.prefix });
    const admit = await admitting(deps.services?.limits, {
      tenant,
      queue: definition.queue,
      jobs: [await demandOf(deps, route, body.data, requestBytes(req, req.body))],
      maxCostUsd: maxCostOf(body.data),
    });
    const payload = {
      build: (jobId: string) => toJobPayload(route, definition.payload, body.data, { tenant, params, jobId, services: deps.services }, 'body'),
    };
    const outcome = await settle(
      submitJob(deps, { jobName: route.job, tenant, payload, requestHash: await canonicalHash({ path: req.path, body: req.body }), idempotencyKey, admit }),
    );
    acceptOne(res, outcome, route.job);
  };
}

/** The most jobs one bulk request may carry. */
export const maxBulkJobs = 1_000;

/**
 * POST <route>/batch: up to 1,000 bodies of one job type in one request, added with one Redis round
 * trip. All are validated first: one wrong body is a 400 naming it (`body.jobs.3.items`) and nothing is
 * enqueued.
 */
export function bulkSubmissionHandler(deps: ApiDeps, route: SubmissionRoute): RequestHandler {
  const definition = deps.catalog[route.job]!;
  return async (req, res) => {
    requireJson(req);
    const idempotencyKey = readIdempotencyKey(req);
    const envelope = bulkBody(route).safeParse(req.body);
    if (!envelope.success) throw validationError(envelope.error);
    const tenant = req.tenant!;
    const params = req.params as Record<string, string>;
    if (route.check)
      for (const [index, body] of envelope.data.jobs.entries())
        await route.check(
          body,
          { tenant, params, services: deps.services, queues: deps.queues, redis: deps.redis, prefix: deps.keys.prefix },
          `body.jobs.${index}`,
        );
    const jobs = envelope.data.jobs;
    const costs = new Set(jobs.map(maxCostOf));
    if (costs.size > 1) throw new HttpError(400, 'invalid_request', 'body.jobs: every job of one bulk request must have the same maxCostUsd (or none)');
    const admit = await admitting(deps.services?.limits, {
      tenant,
      queue: definition.queue,
      jobs: await Promise.all(jobs.map((body) => demandOf(deps, route, body, Math.ceil(requestBytes(req, req.body) / jobs.length)))),
      maxCostUsd: maxCostOf(jobs[0]),
    });
    const payloads = envelope.data.jobs.map((body, index) => ({
      build: (jobId: string) => toJobPayload(route, definition.payload, body, { tenant, params, jobId, services: deps.services }, `body.jobs.${index}`),
    }));
    const outcomes = await settle(
      submitJobs(deps, { jobName: route.job, tenant, payloads, requestHash: await canonicalHash({ path: req.path, body: req.body }), idempotencyKey, admit }),
    );
    acceptMany(res, outcomes);
  };
}

/** A job's size in Redis and its worst case, for the tenant's limits. */
async function demandOf(deps: ApiDeps, route: SubmissionRoute, body: unknown, bytes: number): Promise<JobDemand> {
  return { bytes, ...(route.estimate && deps.services ? { estimate: await route.estimate(body, deps.services) } : {}) };
}

/** The optional `maxCostUsd` every submission body may carry. */
export function maxCostOf(body: unknown): string | undefined {
  const value = (body as { maxCostUsd?: unknown } | null)?.maxCostUsd;
  return typeof value === 'string' ? value : undefined;
}

const bulkBodies = new WeakMap<SubmissionRoute, z.ZodType<{ jobs: unknown[] }>>();

/**
 * `{"jobs": [...]}` of a route's bodies. Built once per route: a zod schema compiles its parser on
 * first use, and a fresh schema per request made validation the costliest step of a bulk submission.
 */
export function bulkBody(route: SubmissionRoute): z.ZodType<{ jobs: unknown[] }> {
  let schema = bulkBodies.get(route);
  if (!schema) bulkBodies.set(route, (schema = z.strictObject({ jobs: z.array(route.body).min(1).max(maxBulkJobs) })));
  return schema;
}

/** Turns one validated request body into a job payload checked against the catalog. */
async function toJobPayload(route: SubmissionRoute, payloadSchema: z.ZodType, body: unknown, context: SubmissionContext, where: string): Promise<unknown> {
  const payload = payloadSchema.safeParse(route.toPayload ? await route.toPayload(body, context) : body);
  if (!payload.success) throw validationError(payload.error, where);
  return payload.data;
}
