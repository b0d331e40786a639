import type { RedisClient } from '@llmops/redis';
import type { JobCatalog, JobEnvelope } from '@llmops/contracts';
import { Attr, injectTrace, SpanKind, withSpan, type TraceCarrier } from '@llmops/telemetry';
import { claimIdempotencyKey } from './idempotency';
import { idempotentJobId, newJobId } from './job-id';
import type { PlatformKeys } from './keys';
import type { FlowNode, JobQueues } from './queues';
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

const resolvePayload = (source: PayloadSource, jobId: string): Promise<unknown> => (isBuilder(source) ? source.build(jobId) : Promise.resolve(source));

/**
 * What the platform decides about new jobs once their ids are fixed and before anything is written:
 * limits may refuse (by throwing), and an admission says how to undo itself if creation then fails
 * and which BullMQ priority each job gets (fair scheduling).
 */
export interface Admission {
  /** One per job id, in order; absent = no priority (FIFO). */
  priorities?: readonly number[];
  /** Gives back what `admit` took (counters, reservations) when the jobs could not be created. */
  undo(): Promise<void>;
}

export type Admit = (jobIds: readonly string[]) => Promise<Admission>;

export interface SubmitDeps {
  catalog: JobCatalog;
  queues: JobQueues;
  tenantJobs: TenantJobIndex;
  redis: RedisClient;
  keys: PlatformKeys;
  /** How long an Idempotency-Key is remembered (the job retention). */
  retentionSeconds: number;
  now?: () => number;
  /**
   * Runs after the jobs were written and before they are acknowledged: e.g. a Redis `WAIT` until the
   * writes are on a replica, so a failover right after the 202 cannot lose the job. It should not
   * throw (the jobs already exist). Default: none.
   */
  replicated?: () => Promise<void>;
}

export interface Submission {
  jobName: string;
  tenant: string;
  payload: PayloadSource;
  /** sha256 of the request body as received. */
  requestHash: string;
  idempotencyKey?: string;
  /** Limits and fair scheduling; default: admit everything, no priority. */
  admit?: Admit;
}

export type SubmitOutcome =
  | { kind: 'created'; jobId: string }
  | { kind: 'replayed'; jobId: string }
  /** The Idempotency-Key was used before with a different body. */
  | { kind: 'conflict'; jobId: string };

const admitAll: Admit = async () => ({ undo: async () => {} });

/**
 * The common path of every submission: with an Idempotency-Key the key is claimed first (exactly one
 * of racing requests creates anything; a different body is a conflict, the same body a replay), then
 * the jobs are admitted, their payloads built and the jobs added. Any failure after the claim gives
 * back the admission and the claim, so a retry of the same request starts clean.
 */
async function createOnce(
  deps: SubmitDeps,
  submission: Omit<Submission, 'payload' | 'jobName'>,
  jobIds: readonly string[],
  create: (admission: Admission) => Promise<void>,
): Promise<'created' | 'replayed' | 'conflict'> {
  const claim = submission.idempotencyKey
    ? await claimIdempotencyKey(deps.redis, deps.keys, { jobId: jobIds[0]!, requestHash: submission.requestHash }, { retentionSeconds: deps.retentionSeconds })
    : undefined;
  if (claim && claim.kind !== 'won') return claim.kind;
  let admission: Admission | undefined;
  try {
    admission = await (submission.admit ?? admitAll)(jobIds);
    await create(admission);
  } catch (error) {
    await Promise.allSettled([admission?.undo(), claim?.release()]);
    throw error;
  }
  await claim?.commit();
  // Before the answer: the jobs (and the claim) on a replica, when the deployment asks for it.
  await deps.replicated?.();
  return 'created';
}

/** The job's data; `trace` is the enqueue span's context, so the worker's job span continues the request's trace. */
function envelopeOf(submission: Pick<Submission, 'tenant' | 'requestHash'>, now: number, payload: unknown, trace: TraceCarrier | undefined): JobEnvelope {
  return { tenant: submission.tenant, requestHash: submission.requestHash, submittedAt: new Date(now).toISOString(), payload, ...(trace ? { trace } : {}) };
}

/** A PRODUCER span around a submission: queue, tenant, first job id, how many, and what became of it. */
function enqueueSpan<T extends SubmitOutcome | SubmitOutcome[]>(queue: string, tenant: string, jobIds: readonly string[], work: () => Promise<T>): Promise<T> {
  const attributes = {
    [Attr.messagingSystem]: 'bullmq',
    [Attr.messagingOperation]: 'send',
    [Attr.messagingDestination]: queue,
    [Attr.messagingMessageId]: jobIds[0],
    [Attr.messagingBatchCount]: jobIds.length > 1 ? jobIds.length : undefined,
    [Attr.tenant]: tenant,
  };
  return withSpan(
    `enqueue ${queue}`,
    attributes,
    async (span) => {
      const outcome = await work();
      span.setAttribute(Attr.jobOutcome, (Array.isArray(outcome) ? outcome[0]?.kind : outcome.kind) ?? 'created');
      return outcome;
    },
    { kind: SpanKind.PRODUCER, scope: '@llmops/queue' },
  );
}

const priorityOf = (admission: Admission, index: number) => {
  const priority = admission.priorities?.[index];
  return priority ? { priority } : {};
};

/**
 * Writes the tenant's index entries and adds the jobs without a round trip between them: both go out
 * on the producer connection in this order, so Redis indexes before it adds (a crash in between leaves
 * a dangling id in the index, skipped when listing -- never a job its owner cannot list). If only the
 * index failed, it is written again once before the submission fails.
 */
async function indexAndAdd(deps: SubmitDeps, tenant: string, jobIds: readonly string[], now: number, add: () => Promise<unknown>): Promise<void> {
  const [indexed, added] = await Promise.allSettled([deps.tenantJobs.addMany(tenant, jobIds, now), add()]);
  if (added.status === 'rejected') throw added.reason;
  if (indexed.status === 'rejected') await deps.tenantJobs.addMany(tenant, jobIds, now);
}

/**
 * Adds a job for a tenant. With an Idempotency-Key the job id is derived from (tenant, type, key), so
 * a repeat returns the first job and racing repeats still create one.
 */
export async function submitJob(deps: SubmitDeps, submission: Submission): Promise<SubmitOutcome> {
  const definition = deps.catalog[submission.jobName];
  if (!definition) throw new Error(`unknown job type "${submission.jobName}"`);
  const queue = deps.queues.get(definition.queue);
  const jobId = submission.idempotencyKey ? idempotentJobId(definition.queue, submission.tenant, submission.idempotencyKey) : newJobId(definition.queue);
  return enqueueSpan(definition.queue, submission.tenant, [jobId], async () => {
    const kind = await createOnce(deps, submission, [jobId], async (admission) => {
      const payload = await resolvePayload(submission.payload, jobId);
      const now = deps.now?.() ?? Date.now();
      await indexAndAdd(deps, submission.tenant, [jobId], now, () =>
        queue.add(definition.queue, envelopeOf(submission, now, payload, injectTrace()), { jobId, ...priorityOf(admission, 0) }),
      );
    });
    return { kind, jobId };
  });
}

/**
 * Adds many jobs of one type for a tenant in one round trip (BullMQ addBulk). With an Idempotency-Key
 * the batch is replayed whole: job i gets the id derived from `key#i`, and a repeat returns the same
 * ids without adding anything.
 */
export async function submitJobs(deps: SubmitDeps, submission: Omit<Submission, 'payload'> & { payloads: readonly PayloadSource[] }): Promise<SubmitOutcome[]> {
  const definition = deps.catalog[submission.jobName];
  if (!definition) throw new Error(`unknown job type "${submission.jobName}"`);
  const queue = deps.queues.get(definition.queue);
  const key = submission.idempotencyKey;
  const ids = submission.payloads.map((_, index) =>
    key ? idempotentJobId(definition.queue, submission.tenant, `${key}#${index}`) : newJobId(definition.queue),
  );
  return enqueueSpan(definition.queue, submission.tenant, ids, async () => {
    const kind = await createOnce(deps, submission, ids, async (admission) => {
      const payloads = await Promise.all(submission.payloads.map((source, index) => resolvePayload(source, ids[index]!)));
      const now = deps.now?.() ?? Date.now();
      const trace = injectTrace();
      await indexAndAdd(deps, submission.tenant, ids, now, () =>
        queue.addBulk(
          payloads.map((payload, index) => ({
            name: definition.queue,
            data: envelopeOf(submission, now, payload, trace),
            opts: { jobId: ids[index]!, ...priorityOf(admission, index) },
          })),
        ),
      );
    });
    return ids.map((jobId) => ({ kind, jobId }));
  });
}

/**
 * Adds a parent job whose work is split into child jobs (a BullMQ flow), for a tenant: the tenant
 * owns and lists the parent; children are found through it. Idempotency as for submitJob (on the
 * parent's id); children ids derive from the parent's, so a replayed flow is the same flow.
 */
export async function submitFlow(
  deps: SubmitDeps,
  submission: Submission & { childJobName: string; childPayloads: readonly PayloadSource[] },
): Promise<SubmitOutcome> {
  const definition = deps.catalog[submission.jobName];
  const child = deps.catalog[submission.childJobName];
  if (!definition || !child) throw new Error(`unknown job type "${submission.jobName}" or "${submission.childJobName}"`);
  const jobId = submission.idempotencyKey ? idempotentJobId(definition.queue, submission.tenant, submission.idempotencyKey) : newJobId(definition.queue);
  const childIds = submission.childPayloads.map((_, index) => idempotentJobId(child.queue, submission.tenant, `${jobId}#${index}`));
  // Only the parent counts against the tenant's limits: the children are its parts.
  return enqueueSpan(definition.queue, submission.tenant, [jobId], async () => {
    const kind = await createOnce(deps, submission, [jobId], async (admission) => {
      const [payload, ...childPayloads] = await Promise.all([
        resolvePayload(submission.payload, jobId),
        ...submission.childPayloads.map((source, index) => resolvePayload(source, childIds[index]!)),
      ]);
      const now = deps.now?.() ?? Date.now();
      const trace = injectTrace();
      // A flow is one MULTI of its own: indexed first, as a dangling index entry is harmless.
      await deps.tenantJobs.add(submission.tenant, jobId, now);
      const children: FlowNode[] = childPayloads.map((data, index) => ({
        name: child.queue,
        jobId: childIds[index]!,
        data: envelopeOf(submission, now, data, trace),
        ...priorityOf(admission, 0),
      }));
      await deps.queues.addFlow({ name: definition.queue, jobId, data: envelopeOf(submission, now, payload, trace), ...priorityOf(admission, 0) }, children);
    });
    return { kind, jobId };
  });
}
