import { createHash, randomUUID } from 'node:crypto';

/**
 * Job ids are `<queue>-<uuid>`: globally unique, and the id alone says which queue holds the job, so
 * `GET /v1/jobs/{id}` needs no lookup table.
 */
export function newJobId(queue: string): string {
  return `${queue}-${randomUUID()}`;
}

/**
 * The id a submission with an Idempotency-Key gets: the same tenant, job type and key always give the
 * same id, and BullMQ refuses a second job with an existing id atomically, so two racing submissions
 * create one job.
 */
export function idempotentJobId(queue: string, tenant: string, key: string): string {
  const hex = createHash('sha256').update(`${tenant}\u0000${queue}\u0000${key}`).digest('hex');
  return `${queue}-${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The queue a job id belongs to, or undefined when the id is not one of ours. */
export function queueOfJobId(jobId: string, queues: readonly string[]): string | undefined {
  const uuid = jobId.slice(-36);
  if (!uuidPattern.test(uuid)) return undefined;
  const queue = jobId.slice(0, -37);
  return queues.includes(queue) && jobId[queue.length] === '-' ? queue : undefined;
}
