import { z } from 'zod';
import { booleanFlag, byteSize, effectiveRedisUrl, logLevel, parseEnv, port, positiveInt, queuePrefix, redisClusterNodes, redisUrl } from '@llmops/config';
import { ServicesEnvShape } from '@llmops/services';
import { TracingEnvShape } from '@llmops/telemetry/sdk';

export const ApiEnv = z
  .object({
    PORT: port(3000),
    HOST: z.string().default('0.0.0.0'),
    REDIS_URL: redisUrl,
    /** Seed nodes of a Redis Cluster (`host:port,host:port`); when set, the platform runs on that cluster (REDIS_URL's password is kept). */
    REDIS_CLUSTER_NODES: redisClusterNodes,
    QUEUE_PREFIX: queuePrefix,
    /** Development keys: "tenantA:key1,tenantB:key2". */
    API_KEYS: z.string().optional(),
    /** Production keys: a file of "tenant:sha256(key) in hex" lines. */
    API_KEYS_FILE: z.string().optional(),
    /** Password of user `admin` for Bull Board (HTTP basic), or a Bearer token on admin routes. */
    ADMIN_TOKEN: z.string().min(12, 'use at least 12 characters').optional(),
    BODY_LIMIT: byteSize('10mb'),
    JOB_RETENTION_HOURS: positiveInt(168),
    /** /readyz counts workers that reported within this window. */
    READY_WORKER_WINDOW_SECONDS: positiveInt(30),
    LOG_LEVEL: logLevel,
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    TRUST_PROXY: booleanFlag(false),
    /**
     * Bull Board may change queues (retry, clean, pause, resume, promote, empty, obliterate), and then
     * only from the API's own origin with JSON bodies. Default false: the board is read-only. Adding
     * jobs and editing job data are refused even when true.
     */
    BULL_BOARD_WRITES: booleanFlag(false),
    /**
     * Before answering 202, wait until the new jobs are on this many replicas (Redis WAIT, on every
     * master of a cluster), so a master that dies right after cannot take an accepted job with it.
     * Default 0: no wait (Redis replication is asynchronous). 1 is the choice for a Redis with replicas.
     */
    REDIS_WAIT_REPLICAS: z.coerce.number().int().min(0).max(16).default(0),
    /** Longest a submission waits for REDIS_WAIT_REPLICAS; it is answered anyway after it (and logged). Default 250 ms. */
    REDIS_WAIT_TIMEOUT_MS: positiveInt(250),
    /**
     * Bearer token /metrics requires. Default unset: /metrics is open and shows tenant names and
     * per-tenant spend, so production should set it.
     */
    METRICS_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
    ...ServicesEnvShape,
    /** OpenTelemetry tracing (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME, OTEL_TRACES_SAMPLER...): off when unset. */
    ...TracingEnvShape,
  })
  .refine((env) => env.API_KEYS || env.API_KEYS_FILE, {
    path: ['API_KEYS'],
    message: 'set API_KEYS ("tenant:key,...") for development or API_KEYS_FILE (sha256 hashes) for production',
    // Report it alongside other problems, not only once everything else is valid.
    when: () => true,
  });
export type ApiEnv = z.infer<typeof ApiEnv>;

/** Parses the API's environment once at boot; throws a ConfigError naming each bad variable. */
export function loadApiEnv(env: Record<string, string | undefined> = process.env): ApiEnv {
  const parsed = parseEnv(ApiEnv, env);
  // REDIS_CLUSTER_NODES, when set, becomes the redis+cluster:// URL every connection uses.
  return { ...parsed, REDIS_URL: effectiveRedisUrl(parsed) };
}
