import type { Job, Queue } from 'bullmq';
import type { JobState } from '@llmops/contracts';

export interface JobView {
  id: string;
  type: string;
  state: JobState;
  progress: unknown;
  attempts: { made: number; max: number };
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Why it failed; `code` is set for failures with a machine-readable reason (`budget_exhausted`). */
  error: { message: string; code?: string } | null;
  /** The job's summary result once completed. Item results are paged at /v1/jobs/{id}/results. */
  result: unknown;
}

export const cancelledReason = 'cancelled by request';

/**
 * What a user sees of a BullMQ job: its state mapped to ours, timestamps as ISO strings. Pass the
 * job's queue so a job that finished while it was being read is reloaded with its result.
 */
export async function viewJob(loaded: Job, queue?: Queue): Promise<JobView> {
  const bullState = await loaded.getState();
  // The job may have finished between loading it and reading its state: reload so a completed job
  // never shows without its result (or a failed one without its error).
  const stale = (bullState === 'completed' && loaded.finishedOn === undefined) || (bullState === 'failed' && !loaded.failedReason);
  const job = stale && queue ? ((await queue.getJob(String(loaded.id))) ?? loaded) : loaded;
  return {
    id: String(job.id),
    type: job.name,
    state: mapState(bullState, job.failedReason),
    progress: job.progress ?? 0,
    attempts: { made: job.attemptsMade, max: job.opts.attempts ?? 1 },
    createdAt: new Date(job.timestamp).toISOString(),
    startedAt: job.processedOn ? new Date(job.processedOn).toISOString() : null,
    finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    error: bullState === 'failed' && job.failedReason ? errorOf(job.failedReason) : null,
    result: bullState === 'completed' ? (job.returnvalue ?? null) : null,
  };
}

export function mapState(bullState: string, failedReason?: string): JobState {
  switch (bullState) {
    case 'completed':
      return 'completed';
    case 'failed':
      return failedReason === cancelledReason ? 'cancelled' : 'failed';
    case 'active':
      return 'active';
    case 'delayed':
      return 'delayed';
    default:
      // waiting, prioritized, waiting-children, and 'unknown' while a job moves between lists.
      return 'waiting';
  }
}

/** `budget_exhausted: daily budget...` -> code + message; other reasons are messages only. */
function errorOf(failedReason: string): { message: string; code?: string } {
  const match = /^([a-z]+(?:_[a-z]+)+): /.exec(failedReason);
  return match ? { code: match[1]!, message: failedReason } : { message: failedReason };
}
