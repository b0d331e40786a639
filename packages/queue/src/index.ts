export { platformKeys, type PlatformKeys } from './keys';
export { newJobId, idempotentJobId, queueOfJobId } from './job-id';
export { NonRetriableError, RetryAfterError, StepWait, nextStepWaitMs, retryAfterMsOf } from './errors';
export { silentLogger, type Logger } from './logger';
export { ResultStore, InvalidCursorError, type ResultPage } from './results';
export { TenantJobIndex, InvalidListCursorError } from './tenant-index';
export { WorkerHeartbeats } from './heartbeat';
export { DurationHistogram, attemptOutcomes, durationBuckets, failureOutcome, type Outcome } from './durations';
export { createJobQueues, jobOptionsFor, type JobQueues, type FlowNode } from './queues';
export {
  submitJob,
  submitJobs,
  submitFlow,
  type Submission,
  type SubmitOutcome,
  type SubmitDeps,
  type PayloadSource,
  type PayloadBuilder,
  type Admit,
  type Admission,
} from './submit';
export { claimIdempotencyKey, IdempotencyInProgressError, type Claim, type ClaimOptions } from './idempotency';
export { viewJob, mapState, cancelledReason, type JobView } from './job-view';
export { cancelJob, cancelRequested, readTombstone, Tombstone, type CancelOutcome } from './cancel';
export { CancelledJobs } from './cancellations';
export { QueueWatchers, type QueueWatch } from './queue-watchers';
export type { JobContext, JobHandler, JobHandlers } from './handler';
export { startWorkers, type WorkerRuntime, type WorkerRuntimeOptions } from './worker-runtime';
export type { JobLifecycle, JobLifecycleEvent, JobOutcome } from './lifecycle';
export { mapPool, chunks } from './map-pool';
