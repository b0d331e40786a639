import type { JobCatalog, JobEnvelope } from '@llmops/contracts';
import { idempotentJobId, newJobId } from './job-id';
import type { JobQueues } from './queues';
import type { TenantJobIndex } from './tenant-index';

/**
 * The job's payload, already validated against the catalog's schema by the caller -- or a builder
 * that gets the job id first (for work scoped to the job, such as pseudonymizing with the job as the
 * vault scope). A builder runs only when a job is created, never for a replay.
 */
export type PayloadSource = unknown | PayloadBuilder;
export type PayloadBuilder = { build: (jobId: string) => Promise<unknown> };

const isBuilder = (source: unknown): source is PayloadBuilder =>
  typeof source === 'object' && source !== null && typeof (source as PayloadBuilder).build === 'function';

const resolvePayload = (source: PayloadSource, jobId: string): Promise<unknown> =>
  isBuilder(source) ? source.build(jobId) : Promise.resolve(source);

export interface Submission {
  jobName: string;
  tenant: string;
  payload: PayloadSource;
  /** sha256 of the request body as received. */
  requestHash: string;
  idempotencyKey?: string;
}

export type SubmitOutcome =
  | { kind: 'created'; jobId: string }
  | { kind: 'replayed'; jobId: string }
  /** The Idempotency-Key was used before with a different body. */
  | { kind: 'conflict'; jobId: string };

/**
 * Adds a job for a tenant. With an Idempotency-Key the job id is derived from (tenant, type, key), so
 * a repeat returns the first job and two racing repeats still create one.
 */
export async function submitJob(
  deps: { catalog: JobCatalog; queues: JobQueues; tenantJobs: TenantJobIndex; now?: () => number },
  submission: Submission,
): Promise<SubmitOutcome> {
  const definition = deps.catalog[submission.jobName];
  if (!definition) throw new Error(`unknown job type "${submission.jobName}"`);
  const queue = deps.queues.get(definition.queue);
  const jobId = submission.idempotencyKey
    ? idempotentJobId(definition.queue, submission.tenant, submission.idempotencyKey)
    : newJobId(definition.queue);

  if (submission.idempotencyKey) {
    const existing = await queue.getJob(jobId);
    if (existing) {
      return sameRequest(existing.data, submission.tenant, submission.requestHash) ? { kind: 'replayed', jobId } : { kind: 'conflict', jobId };
    }
  }

  const payload = await resolvePayload(submission.payload, jobId);
  const now = deps.now?.() ?? Date.now();
  const envelope: JobEnvelope = {
    tenant: submission.tenant,
    requestHash: submission.requestHash,
    submittedAt: new Date(now).toISOString(),
    payload,
  };
  // Index first: a crash between the two leaves a dangling id in the index (skipped when listing),
  // never a job its owner cannot list.
  await deps.tenantJobs.add(submission.tenant, jobId, now);
  const job = await queue.add(definition.queue, envelope, { jobId });
  if (submission.idempotencyKey && !sameRequest(job.data, submission.tenant, submission.requestHash)) return { kind: 'conflict', jobId };
  return { kind: 'created', jobId };
}

function sameRequest(data: unknown, tenant: string, requestHash: string): boolean {
  const envelope = data as Partial<JobEnvelope> | undefined;
  return envelope?.tenant === tenant && envelope.requestHash === requestHash;
}

/**
 * Adds many jobs of one type for a tenant in one round trip (BullMQ addBulk). With an Idempotency-Key
 * the batch is replayed whole: job i gets the id derived from `key#i`, and a repeat returns the same
 * ids without adding anything.
 */
export async function submitJobs(
  deps: { catalog: JobCatalog; queues: JobQueues; tenantJobs: TenantJobIndex; now?: () => number },
  submission: Omit<Submission, 'payload'> & { payloads: readonly PayloadSource[] },
): Promise<SubmitOutcome[]> {
  const definition = deps.catalog[submission.jobName];
  if (!definition) throw new Error(`unknown job type "${submission.jobName}"`);
  const queue = deps.queues.get(definition.queue);
  const key = submission.idempotencyKey;
  const ids = submission.payloads.map((_, index) =>
    key ? idempotentJobId(definition.queue, submission.tenant, `${key}#${index}`) : newJobId(definition.queue),
  );
  if (key && ids[0]) {
    const existing = await queue.getJob(ids[0]);
    if (existing) {
      const kind = sameRequest(existing.data, submission.tenant, submission.requestHash) ? 'replayed' : 'conflict';
      return ids.map((jobId) => ({ kind, jobId }));
    }
  }
  const payloads = await Promise.all(submission.payloads.map((source, index) => resolvePayload(source, ids[index]!)));
  const now = deps.now?.() ?? Date.now();
  const submittedAt = new Date(now).toISOString();
  await deps.tenantJobs.addMany(submission.tenant, ids, now);
  await queue.addBulk(
    payloads.map((payload, index) => ({
      name: definition.queue,
      data: { tenant: submission.tenant, requestHash: submission.requestHash, submittedAt, payload } satisfies JobEnvelope,
      opts: { jobId: ids[index]! },
    })),
  );
  return ids.map((jobId) => ({ kind: 'created', jobId }));
}

/**
 * Adds a parent job whose work is split into child jobs (a BullMQ flow), for a tenant: the tenant
 * owns and lists the parent; children are found through it. Idempotency as for submitJob (on the
 * parent's id); children ids derive from the parent's, so a replayed flow is the same flow.
 */
export async function submitFlow(
  deps: { catalog: JobCatalog; queues: JobQueues; tenantJobs: TenantJobIndex; now?: () => number },
  submission: Omit<Submission, 'payload'> & { payload: PayloadSource; childJobName: string; childPayloads: readonly PayloadSource[] },
): Promise<SubmitOutcome> {
  const definition = deps.catalog[submission.jobName];
  const child = deps.catalog[submission.childJobName];
  if (!definition || !child) throw new Error(`unknown job type "${submission.jobName}" or "${submission.childJobName}"`);
  const queue = deps.queues.get(definition.queue);
  const jobId = submission.idempotencyKey
    ? idempotentJobId(definition.queue, submission.tenant, submission.idempotencyKey)
    : newJobId(definition.queue);
  const existing = submission.idempotencyKey ? await queue.getJob(jobId) : undefined;
  if (existing) {
    return sameRequest(existing.data, submission.tenant, submission.requestHash) ? { kind: 'replayed', jobId } : { kind: 'conflict', jobId };
  }
  const childIds = submission.childPayloads.map((_, index) => idempotentJobId(child.queue, submission.tenant, `${jobId}#${index}`));
  const [payload, ...childPayloads] = await Promise.all([
    resolvePayload(submission.payload, jobId),
    ...submission.childPayloads.map((source, index) => resolvePayload(source, childIds[index]!)),
  ]);
  const now = deps.now?.() ?? Date.now();
  const envelope = (data: unknown): JobEnvelope => ({
    tenant: submission.tenant,
    requestHash: submission.requestHash,
    submittedAt: new Date(now).toISOString(),
    payload: data,
  });
  await deps.tenantJobs.add(submission.tenant, jobId, now);
  await deps.queues.addFlow(
    { name: definition.queue, jobId, data: envelope(payload) },
    childPayloads.map((data, index) => ({ name: child.queue, jobId: childIds[index]!, data: envelope(data) })),
  );
  return { kind: 'created', jobId };
}
