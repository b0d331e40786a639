import { hostname } from 'node:os';
import { z } from 'zod';
import { commaList, effectiveRedisUrl, logLevel, parseEnv, positiveInt, queuePrefix, redisClusterNodes, redisUrl } from '@llmops/config';
import { ServicesEnvShape } from '@llmops/services';
import { TracingEnvShape } from '@llmops/telemetry/sdk';

/** "8" (every queue) or "inference=8,ingest=2" (per queue; others default to 4). */
const concurrency = z
  .string()
  .default('4')
  .transform((value, context) => {
    if (/^\d+$/.test(value.trim())) return Number(value);
    const perQueue: Record<string, number> = {};
    for (const part of value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean)) {
      const match = /^([a-z0-9-]+)=(\d+)$/.exec(part);
      if (!match || Number(match[2]) < 1) {
        context.addIssue({ code: 'custom', message: `"${part}" is not queue=number (number >= 1)` });
        return z.NEVER;
      }
      perQueue[match[1]!] = Number(match[2]);
    }
    return perQueue;
  });

export const WorkerEnv = z.object({
  REDIS_URL: redisUrl,
  /** Seed nodes of a Redis Cluster (`host:port,host:port`); when set, the platform runs on that cluster (REDIS_URL's password is kept). */
  REDIS_CLUSTER_NODES: redisClusterNodes,
  QUEUE_PREFIX: queuePrefix,
  /** Queues this replica serves, comma separated; unset means all. */
  WORKER_QUEUES: commaList.optional(),
  WORKER_CONCURRENCY: concurrency,
  WORKER_ID: z.string().default(`${hostname()}-${process.pid}`),
  /**
   * A SIGTERMed worker has exited by then: active jobs get this minus a closing reserve (a quarter,
   * 1-4 s) to finish, are handed back to the queue, and every connection is closed. Default 25 s.
   */
  SHUTDOWN_DEADLINE_MS: positiveInt(25_000),
  /** A killed worker's jobs are picked up by another after at most this long. */
  WORKER_LOCK_MS: positiveInt(30_000),
  JOB_RETENTION_HOURS: positiveInt(168),
  /** A job started this many times (retries, rate-limit delays, hand-backs) fails for good. */
  JOB_MAX_STARTS: positiveInt(50),
  /** A job whose worker died under it (SIGKILL, out of memory) this many times fails for good. */
  JOB_MAX_STALLS: positiveInt(5),
  /**
   * How often the vector store's maintenance runs (a BullMQ job scheduler on the vector-maintenance
   * queue, one run at a time across the fleet: compaction, index builds, pruning of old versions).
   * Replicas serving that queue keep the schedule. 0 removes it. Default 600,000 (10 min).
   */
  VECTOR_MAINTENANCE_EVERY_MS: z.coerce.number().int().min(0).default(600_000),
  LOG_LEVEL: logLevel,
  ...ServicesEnvShape,
  /** OpenTelemetry tracing (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME, OTEL_TRACES_SAMPLER...): off when unset. */
  ...TracingEnvShape,
});
export type WorkerEnv = z.infer<typeof WorkerEnv>;

export function loadWorkerEnv(env: Record<string, string | undefined> = process.env): WorkerEnv {
  const parsed = parseEnv(WorkerEnv, env);
  // REDIS_CLUSTER_NODES, when set, becomes the redis+cluster:// URL every connection uses.
  return { ...parsed, REDIS_URL: effectiveRedisUrl(parsed) };
}
