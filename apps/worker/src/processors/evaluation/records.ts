import type { RedisClient } from '@llmops/redis';
import { platformKeys, queueOfJobId, NonRetriableError, ResultStore } from '@llmops/queue';
import type { SampleRecord } from '@llmops/eval';
import { bullPrefix, platformCatalog } from '@llmops/contracts';

/** Every item result of a job, in item order (the stored sample records). */
export async function readRecords(redis: RedisClient, prefix: string, jobId: string): Promise<SampleRecord[]> {
  // Reads only: the retention argument matters for writes.
  const store = new ResultStore(redis, platformKeys(prefix), 0);
  const records: SampleRecord[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.page(jobId, { cursor, limit: 1_000 });
    for (const item of page.items) records.push(item.result as SampleRecord);
    cursor = page.nextCursor;
  } while (cursor);
  return records;
}

/**
 * The sample records of a finished evaluation of the same tenant. Another tenant's job, a job of
 * another type, a missing or unfinished one are all the same "not found" (ids cannot be probed).
 */
export async function readBaseline(redis: RedisClient, prefix: string, tenant: string, baselineId: string): Promise<SampleRecord[]> {
  const notFound = new NonRetriableError(`baseline ${baselineId}: no completed evaluation with this id for this tenant`);
  if (queueOfJobId(baselineId, ['evaluation']) !== 'evaluation') throw notFound;
  // BullMQ keeps a job as the hash <queue's prefix>:<queue>:<id>; `finishedOn` with no `failedReason` = completed.
  const jobKey = `${bullPrefix(prefix, platformCatalog.evaluation)}:evaluation:${baselineId}`;
  const [data, finishedOn, failedReason] = await redis.hmget(jobKey, 'data', 'finishedOn', 'failedReason');
  if (!data || !finishedOn || failedReason) throw notFound;
  let owner: unknown;
  try {
    owner = (JSON.parse(data) as { tenant?: unknown }).tenant;
  } catch {
    throw notFound;
  }
  if (owner !== tenant) throw notFound;
  return readRecords(redis, prefix, baselineId);
}
