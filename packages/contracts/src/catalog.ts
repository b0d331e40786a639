import type { z } from 'zod';

/** How BullMQ retries a job. */
export interface RetryPolicy {
  /** Total tries, the first included. */
  attempts: number;
  /** Delay before retry n is `delayMs * 2^(n-1)` (exponential) or `delayMs` (fixed). */
  backoff: { type: 'exponential' | 'fixed'; delayMs: number };
}

/**
 * One job type: what its payload and result look like, and how it is retried. The payload schema
 * must have no transforms, so what goes into Redis as JSON parses back to the same value.
 */
export interface JobDefinition<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> extends RetryPolicy {
  /** The queue (and BullMQ job name) this job type runs on; kebab-case, no `-` suffix games. */
  queue: string;
  /** One line for Bull Board, the OpenAPI document and the README. */
  description: string;
  payload: P;
  /** The job's summary result (its BullMQ return value); item results are stored apart. */
  result: R;
  /** A single attempt that runs longer than this fails (and is retried if attempts remain). */
  timeoutMs: number;
  /**
   * The queue whose Redis Cluster hash slot this queue shares (see `bullPrefix`): set on a queue whose
   * jobs are flow children of that queue's jobs. Default: a slot of its own.
   */
  slotWith?: string;
  /** At most this many jobs of the type run at once in one worker replica, whatever WORKER_CONCURRENCY says. Default: no cap. */
  concurrency?: number;
  /** Run by the platform itself (a job scheduler), never submitted or seen by a tenant: left out of the API's documents. Default false. */
  internal?: boolean;
}

export type JobCatalog = Record<string, JobDefinition>;
export type JobName<C extends JobCatalog> = Extract<keyof C, string>;
export type PayloadOf<C extends JobCatalog, K extends keyof C> = z.infer<C[K]['payload']>;
export type ResultOf<C extends JobCatalog, K extends keyof C> = z.infer<C[K]['result']>;

export function defineJob<P extends z.ZodType, R extends z.ZodType>(definition: JobDefinition<P, R>) {
  if (!/^[a-z][a-z0-9-]*[a-z0-9]$/.test(definition.queue)) {
    throw new Error(`queue name "${definition.queue}" must be kebab-case`);
  }
  return definition;
}

/** Checks a catalog once at boot: queue names unique and each job's name equal to its queue. */
export function defineCatalog<C extends JobCatalog>(catalog: C): C {
  const seen = new Set<string>();
  for (const [name, job] of Object.entries(catalog)) {
    if (name !== job.queue) throw new Error(`job "${name}" must run on a queue of the same name, not "${job.queue}"`);
    if (seen.has(job.queue)) throw new Error(`queue "${job.queue}" is used twice`);
    seen.add(job.queue);
  }
  for (const job of Object.values(catalog)) {
    if (job.slotWith !== undefined && !seen.has(job.slotWith))
      throw new Error(`queue "${job.queue}" shares a slot with "${job.slotWith}", which is not in the catalog`);
  }
  return catalog;
}
