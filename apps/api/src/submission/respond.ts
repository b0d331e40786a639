import type { Response } from 'express';
import { IdempotencyInProgressError, type SubmitOutcome } from '@llmops/queue';
import { HttpError } from '../http/errors';

/** 422: the Idempotency-Key was first used with another request body (every submission route answers this one). */
export const idempotencyKeyReused = () => new HttpError(422, 'idempotency_key_reused', 'Idempotency-Key was already used with a different request body');

/**
 * Waits for a submission and maps how it ended: a key reused with another body is 422; the same
 * request still being created by a concurrent call is 409 with Retry-After (the client repeats it and
 * gets the replay).
 */
export async function settle<T extends SubmitOutcome | SubmitOutcome[]>(submission: Promise<T>): Promise<T> {
  try {
    const outcome = await submission;
    const first: SubmitOutcome | undefined = Array.isArray(outcome) ? outcome[0] : outcome;
    if (first?.kind === 'conflict') throw idempotencyKeyReused();
    return outcome;
  } catch (error) {
    if (error instanceof IdempotencyInProgressError) {
      throw new HttpError(409, 'idempotency_in_progress', error.message, undefined, { 'Retry-After': String(error.retryAfterSeconds) });
    }
    throw error;
  }
}

/** 202 for one job: its id, a Location to poll, whether it was a replay, plus route-specific fields. */
export function acceptOne(res: Response, outcome: SubmitOutcome, type: string, extra: Record<string, unknown> = {}): void {
  const location = `/v1/jobs/${outcome.jobId}`;
  res.setHeader('Location', location);
  if (outcome.kind === 'replayed') res.setHeader('Idempotent-Replayed', 'true');
  res.status(202).json({ id: outcome.jobId, type, status: location, ...extra, replayed: outcome.kind === 'replayed' });
}

/** 202 for a bulk submission: one id per body, in order. */
export function acceptMany(res: Response, outcomes: readonly SubmitOutcome[]): void {
  const replayed = outcomes[0]?.kind === 'replayed';
  if (replayed) res.setHeader('Idempotent-Replayed', 'true');
  res.status(202).json({ jobs: outcomes.map((outcome) => ({ id: outcome.jobId, status: `/v1/jobs/${outcome.jobId}` })), replayed });
}
