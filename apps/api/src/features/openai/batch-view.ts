import { InferenceItemResult, InferenceSummary, ItemResult, type JobState, readJson } from '@llmops/contracts';
import { restore } from '@llmops/pii';
import { readTombstone, viewJob } from '@llmops/queue';
import type { BatchRecord } from './batch-store';
import type { Deps } from './front-door';
import { outputFileIds } from './ids';

/** How one of a batch's inference jobs stands. */
export interface JobStatus {
  jobId: string;
  lines: readonly number[];
  /** `expired`: the job is gone (past its retention) without a cancellation tombstone. */
  state: JobState | 'expired';
  /** Unix seconds, for an ended job. */
  finishedAt?: number;
  error?: { message: string; code?: string };
  /** Lines answered, and lines that failed or will never run (for an ended job). */
  answered: number;
  failed: number;
}

const ENDED: ReadonlySet<JobStatus['state']> = new Set(['completed', 'failed', 'cancelled', 'expired']);
export const hasEnded = (status: JobStatus): boolean => ENDED.has(status.state);

/** Answered results of a job, counted from its stored results (HSCAN, a page at a time). */
async function countAnswered(deps: Deps, jobId: string): Promise<number> {
  let answered = 0;
  let cursor = '0';
  do {
    const [next, flat] = await deps.redis.hscan(deps.keys.results(jobId), cursor, 'COUNT', 500);
    cursor = next;
    for (let i = 1; i < flat.length; i += 2) {
      const stored = readJson(ItemResult, flat[i]!);
      if (InferenceItemResult.parse(stored.result).status === 'answered') answered += 1;
    }
  } while (cursor !== '0');
  return answered;
}

export async function jobStatus(deps: Deps, job: BatchRecord['jobs'][number]): Promise<JobStatus> {
  const base = { jobId: job.jobId, lines: job.lines };
  const queue = deps.queues.get('inference');
  const loaded = await queue.getJob(job.jobId);
  if (!loaded) {
    const tombstone = await readTombstone(deps.redis, deps.keys, job.jobId);
    const finishedAt = tombstone ? Math.floor(Date.parse(tombstone.cancelledAt) / 1000) : undefined;
    return { ...base, state: tombstone ? 'cancelled' : 'expired', ...(finishedAt ? { finishedAt } : {}), answered: 0, failed: job.lines.length };
  }
  const view = await viewJob(loaded, queue);
  const finishedAt = view.finishedAt ? Math.floor(Date.parse(view.finishedAt) / 1000) : undefined;
  const ended = { ...base, state: view.state, ...(finishedAt ? { finishedAt } : {}), ...(view.error ? { error: view.error } : {}) };
  if (view.state === 'completed') {
    const summary = InferenceSummary.parse(view.result);
    return { ...ended, answered: summary.answered, failed: job.lines.length - summary.answered };
  }
  if (view.state === 'failed' || view.state === 'cancelled') {
    const answered = await countAnswered(deps, job.jobId);
    return { ...ended, answered, failed: job.lines.length - answered };
  }
  // Still running: what is stored so far counts as done (failed lines are only told apart at the end).
  return { ...ended, answered: await deps.results.count(job.jobId), failed: 0 };
}

/** OpenAI's Batch object for a stored batch and the states of its jobs. */
export async function batchObject(deps: Deps, record: BatchRecord, statuses: readonly JobStatus[]) {
  const ended = statuses.every(hasEnded);
  const status = batchStatus(record, statuses);
  const endedAt = Math.max(record.createdAt, ...statuses.map((s) => s.finishedAt ?? 0));
  const answered = statuses.reduce((sum, s) => sum + s.answered, 0);
  const failed = statuses.reduce((sum, s) => sum + s.failed, 0);
  const files = outputFileIds(record.id);
  const errors = [
    ...new Map(
      statuses
        .filter((s) => s.error)
        .map((s) => [s.error!.message, { code: s.error!.code ?? 'job_failed', message: s.error!.message, param: null, line: null }]),
    ).values(),
  ];
  const at = (when: boolean) => (when ? endedAt : null);
  return {
    id: record.id,
    object: 'batch',
    endpoint: record.endpoint,
    ...(record.models.length === 1 ? { model: record.models[0] } : {}),
    errors: errors.length > 0 ? { object: 'list', data: errors } : null,
    input_file_id: record.inputFileId,
    completion_window: record.completionWindow,
    status,
    output_file_id: ended && answered > 0 ? files.output : null,
    error_file_id: ended && failed > 0 ? files.error : null,
    created_at: record.createdAt,
    in_progress_at: record.createdAt,
    expires_at: record.createdAt + 86_400,
    finalizing_at: at(status === 'completed'),
    completed_at: at(status === 'completed'),
    failed_at: at(status === 'failed'),
    expired_at: at(status === 'expired'),
    cancelling_at: record.cancellingAt,
    cancelled_at: at(status === 'cancelled'),
    request_counts: { total: record.total, completed: answered, failed },
    metadata: record.metadata ? await restoreMetadata(deps, record) : null,
  };
}

type BatchStatus = 'in_progress' | 'cancelling' | 'cancelled' | 'completed' | 'expired' | 'failed';

function batchStatus(record: BatchRecord, statuses: readonly JobStatus[]): BatchStatus {
  if (!statuses.every(hasEnded)) return record.cancellingAt ? 'cancelling' : 'in_progress';
  const any = (state: JobStatus['state']) => statuses.some((s) => s.state === state);
  if (statuses.every((s) => s.state === 'completed')) return 'completed';
  if (record.cancellingAt || any('cancelled')) return 'cancelled';
  if (any('expired')) return 'expired';
  return 'failed';
}

async function restoreMetadata(deps: Deps, record: BatchRecord): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record.metadata ?? {})) out[key] = await restore(value, { scope: record.id, vault: deps.services.vault });
  return out;
}
