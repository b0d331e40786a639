import { ingestJobs } from '@llmops/contracts';
import type { ApiDeps } from '../../deps';

/** What the ingestion history says about a collection. */
export interface IngestionHistory {
  /** Completed ingestions of the collection still in the job history (JOB_RETENTION_HOURS). */
  jobs: number;
  /** Mean tokens of an embedded chunk. */
  tokensPerChunk: number | null;
  /** From the first ingestion seen to now, at least 1. */
  observedDays: number;
  /** Tokens re-embedded by ingestions after the initial load. */
  changedTokens: number;
  changedTokensPerMonth: number;
}

/** Jobs of the tenant read at most (newest first), so a long history costs a bounded amount. */
const MAX_JOBS = 5_000;
const DAY_MS = 86_400_000;

/**
 * The collection's ingestion history from the tenant's completed ingest jobs: tokens per embedded
 * chunk (tokens embedded / chunks embedded), and the update rate: tokens embedded by every ingestion
 * after the initial load (the first one, when all its documents were new), per 30 days observed.
 */
export async function ingestionHistory(deps: ApiDeps, tenant: string, collection: string, now = Date.now()): Promise<IngestionHistory> {
  const queue = deps.queues.get('ingest');
  const runs: { at: number; tokens: number; embeddedChunks: number; allNew: boolean }[] = [];
  let cursor: string | undefined;
  let read = 0;
  do {
    const page = await deps.tenantJobs.list(tenant, { limit: 500, ...(cursor ? { cursor } : {}) });
    read += page.ids.length;
    const ids = page.ids.filter((id) => id.startsWith('ingest-'));
    const jobs = await Promise.all(ids.map((id) => queue.getJob(id)));
    for (const job of jobs) {
      if (!job?.finishedOn || (job.data as { payload?: { collection?: unknown } }).payload?.collection !== collection) continue;
      const result = ingestJobs.ingest.result.safeParse(job.returnvalue);
      if (!result.success) continue;
      const { documents, chunks, tokens } = result.data;
      runs.push({ at: job.finishedOn, tokens, embeddedChunks: chunks.new, allNew: documents.new === documents.total });
    }
    cursor = page.next ?? undefined;
  } while (cursor && read < MAX_JOBS);
  runs.sort((a, b) => a.at - b.at);
  const embedded = runs.reduce((sum, run) => sum + run.embeddedChunks, 0);
  const tokens = runs.reduce((sum, run) => sum + run.tokens, 0);
  const changes = runs[0]?.allNew ? runs.slice(1) : runs;
  const changedTokens = changes.reduce((sum, run) => sum + run.tokens, 0);
  const observedDays = runs[0] ? Math.max(1, (now - runs[0].at) / DAY_MS) : 1;
  return {
    jobs: runs.length,
    tokensPerChunk: embedded > 0 ? tokens / embedded : null,
    observedDays,
    changedTokens,
    changedTokensPerMonth: Math.round((changedTokens * 30) / observedDays),
  };
}
