import { InferenceItemResult } from '@llmops/contracts';
import { restore } from '@llmops/pii';
import type { BatchRecord, BatchStore } from './batch-store';
import { hasEnded, type JobStatus } from './batch-view';
import { chatCompletion, usageOf } from './completion';
import type { Deps } from './front-door';

/** Results read per page while a file is written. */
const RESULTS_PER_PAGE = 200;

/** The item id of a file line in its inference job, and back. */
export const itemIdOf = (line: number): string => `l${line}`;
const lineOf = (itemId: string): number => Number(itemId.slice(1));

/**
 * The lines of a batch's output file (`kind: 'output'`: answered requests, each with OpenAI's
 * `{id, custom_id, response: {status_code, request_id, body}, error}`) or error file (failed requests,
 * and requests that never ran because their job ended first), rendered from the jobs' stored results
 * page by page with the owner's data restored. Lines come job by job, in file order within a job (as
 * with OpenAI, output order is not input order).
 */
export async function* batchFileLines(
  deps: Deps,
  store: BatchStore,
  tenant: string,
  record: BatchRecord,
  statuses: readonly JobStatus[],
  kind: 'output' | 'error',
): AsyncGenerator<string> {
  const hex = record.id.slice('batch_'.length);
  const vault = deps.services.vault;
  for (const [index, job] of record.jobs.entries()) {
    const status = statuses[index]!;
    const seen = new Set<number>();
    let cursor: string | null = null;
    do {
      const page = await deps.results.page(job.jobId, { cursor, limit: RESULTS_PER_PAGE });
      cursor = page.nextCursor;
      const lines = page.items.map((item) => lineOf(item.id));
      const customIds = await store.customIds(tenant, record.id, lines);
      for (const [i, item] of page.items.entries()) {
        const line = lines[i]!;
        seen.add(line);
        const result = InferenceItemResult.parse(item.result);
        const base = { id: `batch_req_${hex}_${line}`, custom_id: customIds[i]! };
        if (result.status === 'answered' && result.answer !== undefined) {
          if (kind !== 'output') continue;
          const body = chatCompletion({
            id: `chatcmpl-${hex}${line}`,
            created: status.finishedAt ?? record.createdAt,
            model: job.model,
            answer: await restore(result.answer, { scope: job.jobId, vault }),
            usage: usageOf(result.usage),
          });
          yield `${JSON.stringify({ ...base, response: { status_code: 200, request_id: job.jobId, body }, error: null })}\n`;
        } else if (kind === 'error') {
          const message = result.error ? await restore(result.error, { scope: job.jobId, vault }) : 'the model provider could not answer this request';
          yield `${JSON.stringify({ ...base, response: null, error: { code: 'request_failed', message } })}\n`;
        }
      }
    } while (cursor);
    if (kind === 'error' && hasEnded(status) && status.state !== 'completed') {
      const missing = job.lines.filter((line) => !seen.has(line));
      const customIds = await store.customIds(tenant, record.id, missing);
      const message = `the batch ended before this request ran (${status.error?.message ?? status.state})`;
      for (const [i, line] of missing.entries()) {
        yield `${JSON.stringify({ id: `batch_req_${hex}_${line}`, custom_id: customIds[i]!, response: null, error: { code: 'not_run', message } })}\n`;
      }
    }
  }
}
