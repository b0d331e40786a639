import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { submitJob } from '@llmops/queue';
import type { ApiDeps, SubmissionRoute } from '../deps';
import { HttpError, validationError } from '../http/errors';

const IdempotencyKey = z.string().min(1).max(255).regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

/** POST handler for one job type: validate, derive the payload, enqueue once, answer 202. */
export function submissionHandler(deps: ApiDeps, route: SubmissionRoute): RequestHandler {
  const definition = deps.catalog[route.job];
  if (!definition) throw new Error(`submission route ${route.path} names unknown job "${route.job}"`);
  return async (req, res) => {
    if (!req.is('application/json') && !req.is('application/*+json')) {
      throw new HttpError(415, 'unsupported_media_type', 'send the body as application/json');
    }
    const body = route.body.safeParse(req.body);
    if (!body.success) throw validationError(body.error);
    const keyHeader = req.header('idempotency-key');
    const idempotencyKey = keyHeader === undefined ? undefined : IdempotencyKey.safeParse(keyHeader);
    if (idempotencyKey && !idempotencyKey.success) {
      throw new HttpError(400, 'invalid_request', `Idempotency-Key header: ${idempotencyKey.error.issues[0]?.message}`);
    }
    const tenant = req.tenant!;
    const rawPayload = route.toPayload ? route.toPayload(body.data, { tenant, params: req.params as Record<string, string> }) : body.data;
    const payload = definition.payload.safeParse(rawPayload);
    if (!payload.success) throw validationError(payload.error);

    const outcome = await submitJob(deps, {
      jobName: route.job,
      tenant,
      payload: payload.data,
      requestHash: canonicalHash({ path: req.path, body: req.body }),
      idempotencyKey: idempotencyKey?.data,
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
