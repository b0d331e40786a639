import type { ItemResult, JobCatalog, JobName, PayloadOf, ResultOf } from '@llmops/contracts';
import type { Logger } from './logger';

/** What a job handler gets: its validated payload and the means to report, store and stop. */
export interface JobContext<P> {
  jobId: string;
  tenant: string;
  payload: P;
  /** 1 on the first try. */
  attempt: number;
  /** Aborted when the job is cancelled, times out, or the worker shuts down: stop soon after. */
  signal: AbortSignal;
  /** Published to `GET /v1/jobs/{id}/events` subscribers, in order. */
  reportProgress(progress: number | Record<string, unknown>): Promise<void>;
  /** Item results, written idempotently; `done` says which items a previous attempt finished. */
  results: {
    put(items: readonly ItemResult[]): Promise<void>;
    done(itemIds: readonly string[]): Promise<Set<string>>;
  };
  logger: Logger;
  /** Set when this job is a child of a flow: the parent's id, progress and item results. */
  parent?: {
    jobId: string;
    reportProgress(progress: number | Record<string, unknown>): Promise<void>;
    results: JobContext<P>['results'];
  };
  /** The return values of this job's children (for a flow's parent, which runs after all of them). */
  childResults(): Promise<unknown[]>;
}

export type JobHandler<P, R> = (context: JobContext<P>) => Promise<R>;

/** One handler per job type in the catalog: a worker missing one does not compile. */
export type JobHandlers<C extends JobCatalog> = {
  [K in JobName<C>]: JobHandler<PayloadOf<C, K>, ResultOf<C, K>>;
};
