import type { RedisClient } from '@llmops/redis';
import { createJobQueues, platformKeys, queueOfJobId, NonRetriableError, ResultStore } from '@llmops/queue';
import { SampleRecord } from '../report';
import { JobEnvelope, platformCatalog } from '@llmops/contracts';

/** Every item result of a job, in item order (the stored sample records, parsed with their schema). */
export async function readRecords(redis: RedisClient, prefix: string, jobId: string): Promise<SampleRecord[]> {
  // Reads only: the retention argument matters for writes.
  const store = new ResultStore(redis, platformKeys(prefix), 0);
  const records: SampleRecord[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.page(jobId, { cursor, limit: 1_000 });
    for (const item of page.items) records.push(SampleRecord.parse(item.result));
    cursor = page.nextCursor;
  } while (cursor);
  return records;
}

/**
 * The sample records of a finished evaluation of the same tenant. Another tenant's job, a job of
 * another type, a missing or unfinished one are all the same "not found" (ids cannot be probed).
 * The job is read through BullMQ's own API, never its internal keys.
 */
export async function readBaseline(redis: RedisClient, prefix: string, tenant: string, baselineId: string): Promise<SampleRecord[]> {
  const notFound = new NonRetriableError(`baseline ${baselineId}: no completed evaluation with this id for this tenant`);
  if (queueOfJobId(baselineId, ['evaluation']) !== 'evaluation') throw notFound;
  // A Queue on the shared connection: closing it leaves the connection open.
  const queues = createJobQueues({ catalog: { evaluation: platformCatalog.evaluation }, connection: redis, prefix, retentionSeconds: 0 });
  try {
    const job = await queues.get('evaluation').getJob(baselineId);
    if (!job || (await job.getState()) !== 'completed') throw notFound;
    const envelope = JobEnvelope.safeParse(job.data);
    if (!envelope.success || envelope.data.tenant !== tenant) throw notFound;
  } finally {
    await queues.close();
  }
  return readRecords(redis, prefix, baselineId);
}
