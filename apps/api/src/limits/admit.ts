import type { TenantLimitsService, WorkEstimate } from '@llmops/limits';
import type { Request } from 'express';
import type { Admit } from '@llmops/queue';
import { refusalError } from './refusals';

/** One job of a submission as the limits see it: its stored size and (when it calls models) its worst case. */
export interface JobDemand {
  bytes: number;
  estimate?: WorkEstimate;
}

/**
 * Work caps first (a 413 before anything is claimed), then the admission hook the submission runs
 * once the job ids are fixed: jobs at once, waiting bytes, budget holds, fair priorities -- all or
 * nothing, given back if the jobs cannot be created.
 */
export async function admitting(
  limits: TenantLimitsService | undefined,
  request: { tenant: string; queue: string; jobs: readonly JobDemand[]; maxCostUsd?: string },
): Promise<Admit | undefined> {
  if (!limits) return undefined;
  for (const job of request.jobs) {
    const problem = job.estimate ? await limits.checkWork(request.tenant, job.estimate) : undefined;
    if (problem) throw refusalError({ kind: 'work', refusal: problem });
  }
  return async (jobIds) => {
    const outcome = await limits.admit({
      tenant: request.tenant,
      queue: request.queue,
      jobs: jobIds.map((id, index) => ({ id, bytes: request.jobs[index]?.bytes ?? 0, estimate: request.jobs[index]?.estimate })),
      ...(request.maxCostUsd !== undefined ? { maxCostUsd: request.maxCostUsd } : {}),
    });
    if (!outcome.ok) throw refusalError(outcome);
    return { priorities: outcome.priorities.map((priority) => priority ?? 0), undo: outcome.undo };
  };
}

/**
 * Bytes a request's work takes in Redis while it waits, for the tenant's storage limit: the body's
 * size as sent (Content-Length), which needs no second pass over a 10 MB body; a chunked request
 * without one is measured from its parsed body.
 */
export function requestBytes(req: Request, body: unknown): number {
  const length = Number(req.headers['content-length']);
  return Number.isFinite(length) && length > 0 ? length : Buffer.byteLength(JSON.stringify(body) ?? '', 'utf8');
}

/** Bytes a value takes as stored JSON (for work that was not sent as one request body, e.g. an uploaded file's lines). */
export const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
