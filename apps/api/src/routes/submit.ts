import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { z } from 'zod';
import { submitJob, submitJobs } from '@llmops/queue';
import type { ApiDeps, SubmissionContext, SubmissionRoute } from '../deps';
import { HttpError, validationError } from '../http/errors';

const IdempotencyKey = z.string().min(1).max(255).regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

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
    const payload = { build: (jobId: string) => toJobPayload(route, definition.payload, body.data, { tenant, params, jobId, services: deps.services }, 'body') };

    const outcome = await submitJob(deps, {
      jobName: route.job,
      tenant,
      payload,
      requestHash: canonicalHash({ path: req.path, body: req.body }),
      idempotencyKey,
    });
    if (outcome.kind === 'conflict') {
      throw new HttpError(422, 'idempotency_key_reused', 'Idempotency-Key was already used with a different request body');
    }
    const location = `/v1/jobs/${outcome.jobId}`;
    res.setHeader('Location', location);
    if (outcome.kind === 'replayed') res.setHeader('Idempotent-Replayed', 'true');
    res.status(202).json({ id: outcome.jobId, type: route.job, status: location, replayed: outcome.kind === 'replayed' });
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
    const payloads = envelope.data.jobs.map((body, index) => ({
      build: (jobId: string) => toJobPayload(route, definition.payload, body, { tenant, params, jobId, services: deps.services }, `body.jobs.${index}`),
    }));
    const outcomes = await submitJobs(deps, {
      jobName: route.job,
      tenant,
      payloads,
      requestHash: canonicalHash({ path: req.path, body: req.body }),
      idempotencyKey,
    });
    if (outcomes[0]?.kind === 'conflict') {
      throw new HttpError(422, 'idempotency_key_reused', 'Idempotency-Key was already used with a different request body');
    }
    if (outcomes[0]?.kind === 'replayed') res.setHeader('Idempotent-Replayed', 'true');
    res.status(202).json({
      jobs: outcomes.map((outcome) => ({ id: outcome.jobId, status: `/v1/jobs/${outcome.jobId}` })),
      replayed: outcomes[0]?.kind === 'replayed',
    });
  };
}

export function bulkBody(route: SubmissionRoute) {
  return z.strictObject({ jobs: z.array(route.body).min(1).max(maxBulkJobs) });
}

function requireJson(req: Request): void {
  if (!req.is('application/json') && !req.is('application/*+json')) {
    throw new HttpError(415, 'unsupported_media_type', 'send the body as application/json');
  }
}

function readIdempotencyKey(req: Request): string | undefined {
  const header = req.header('idempotency-key');
  if (header === undefined) return undefined;
  const parsed = IdempotencyKey.safeParse(header);
  if (!parsed.success) throw new HttpError(400, 'invalid_request', `Idempotency-Key header: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** Turns one validated request body into a job payload checked against the catalog. */
async function toJobPayload(
  route: SubmissionRoute,
  payloadSchema: z.ZodType,
  body: unknown,
  context: SubmissionContext,
  where: string,
): Promise<unknown> {
  const payload = payloadSchema.safeParse(route.toPayload ? await route.toPayload(body, context) : body);
  if (!payload.success) throw validationError(payload.error, where);
  return payload.data;
}

/** sha256 of JSON with sorted keys, so a retry that re-serialises the same body still matches. */
export function canonicalHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
