import type { RedisClient } from '@llmops/redis';
import type { z } from 'zod';
import type { JobCatalog } from '@llmops/contracts';
import type { Logger } from '@llmops/logger';
import type {
  CancelledJobs,
  DurationHistogram,
  JobLifecycle,
  JobQueues,
  PlatformKeys,
  ResultStore,
  TenantJobIndex,
  QueueWatchers,
  WorkerHeartbeats,
} from '@llmops/queue';
import type { WorkEstimate } from '@llmops/limits';
import type { PlatformServices } from '@llmops/services';
import type { KeyRing } from './auth/key-ring';
import type { RouteSpec } from './routes/route-spec';

/**
 * A route that turns a request body into a job. Every job type registers one; the API gives each the
 * same treatment: auth, body limit, strict validation, Idempotency-Key, 202 with a Location header.
 */
export interface SubmissionRoute {
  /** e.g. `/v1/inference`; Express path syntax (`:name`) for parameters. */
  path: string;
  /** The catalog entry the job runs as. */
  job: string;
  summary: string;
  /** The request body schema (strict objects, so unknown fields are a 400). */
  body: z.ZodType;
  /**
   * Builds the job payload from the validated body; the result is checked against the catalog
   * schema. It runs once the job id is fixed and only when a job is created (not for a replay), so it
   * may scope work to the job -- e.g. pseudonymize with the job id as the vault scope.
   */
  toPayload?: (body: unknown, context: SubmissionContext) => unknown;
  /**
   * Checks what the body refers to (models, collections, earlier jobs, grader patterns) before
   * anything is written or enqueued; throws an HttpError (400/404) naming the field. `where` is the
   * body's path in the request (`body`, or `body.jobs.3` in a bulk request).
   */
  check?: (body: unknown, context: CheckContext, where?: string) => Promise<void>;
  /** The job's worst case (calls, tokens, dollars), for work caps and budget holds. Default: none. */
  estimate?: (body: unknown, services: PlatformServices) => Promise<WorkEstimate>;
}

export interface SubmissionContext {
  tenant: string;
  params: Record<string, string>;
  jobId: string;
  /** Present when the API runs with its platform services. */
  services?: PlatformServices;
}

/** What a submission's reference check may look at. */
export interface CheckContext {
  tenant: string;
  params: Record<string, string>;
  services?: PlatformServices;
  queues: JobQueues;
  /** For references kept in Redis (a tenant's tuned models, saved pipelines). */
  redis: RedisClient;
  /** The deployment's key prefix. */
  prefix: string;
}

/** Everything the HTTP layer talks to, wired once in main.ts (or by a test). */
export interface ApiDeps {
  catalog: JobCatalog;
  submissions: readonly SubmissionRoute[];
  queues: JobQueues;
  /** Queues' event streams, read only while a job of the queue is watched (SSE, a waiting request). */
  watchers: QueueWatchers;
  /** Jobs that ended cancelled (noted by the workers), for the queue-depth metric. */
  cancelledJobs: CancelledJobs;
  redis: RedisClient;
  keys: PlatformKeys;
  results: ResultStore;
  tenantJobs: TenantJobIndex;
  heartbeats: WorkerHeartbeats;
  durations: DurationHistogram;
  keyRing: KeyRing;
  adminToken: string | undefined;
  bodyLimitBytes: number;
  retentionSeconds: number;
  readyWorkerWindowMs: number;
  logger: Logger;
  /** Bull Board may change queues (retry, clean, pause, ...): BULL_BOARD_WRITES. Default false: read-only. */
  bullBoardWrites: boolean;
  /** The Bearer token /metrics requires (METRICS_TOKEN); undefined leaves /metrics open. */
  metricsToken: string | undefined;
  /** Providers, vector store and vault for synchronous routes (search, usage); absent in tests of the job machinery. */
  services?: PlatformServices;
  /** Job families' routes, mounted when `services` is present. */
  features: readonly Feature[];
  /** Cleanup (and limits) when the API ends a job itself: cancelling one that never started. */
  lifecycle?: JobLifecycle;
  /** REDIS_WAIT_REPLICAS: new jobs are on a replica before their 202 (see SubmitDeps.replicated). Default: no wait. */
  replicated?: () => Promise<void>;
}

/**
 * A job family's HTTP surface: its submission routes and any other routes (collections, search,
 * reports). Registered in features/index.ts.
 */
export interface Feature {
  submissions?: readonly SubmissionRoute[];
  routes?: (deps: ApiDeps & { services: PlatformServices }) => RouteSpec[];
}
