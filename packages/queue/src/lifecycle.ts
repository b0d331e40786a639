/** A job as the lifecycle hooks see it. */
export interface JobLifecycleEvent {
  jobId: string;
  /** Queue = catalog job name. */
  queue: string;
  tenant: string;
  /** 1 on the first try. */
  attempt: number;
  /**
   * True only the first time a worker starts the job: a retry, a rate-limit delay, a hand-back or a
   * step job's re-check starts it again (BullMQ's `attemptsStarted`), and only the first start ends
   * its wait in the queue.
   */
  firstStart: boolean;
  /** The BullMQ priority it was added with (fair scheduling); undefined = none. */
  priority: number | undefined;
  /** When it was added, ms since the epoch. */
  enqueuedAt: number;
}

export type JobOutcome = 'completed' | 'failed' | 'cancelled';

/**
 * What the platform does around jobs, beyond the handler: limits, fair scheduling, metrics, cleanup.
 * Hook errors are logged and never change how the job ends.
 */
export interface JobLifecycle {
  /** An attempt starts (after the job was checked, before its handler runs). */
  onStart?(event: JobLifecycleEvent): Promise<void>;
  /** The job ended for good: completed, failed with no attempt left, or cancelled. Runs once per ending. */
  onEnd?(event: JobLifecycleEvent & { outcome: JobOutcome }): Promise<void>;
  /** A worker found its queue empty (fair scheduling may reset its virtual time). */
  onDrained?(queue: string): Promise<void>;
}
