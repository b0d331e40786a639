import { z } from 'zod';
import type { Logger } from 'pino';

/** Latency: a fixed number of ms, or a seeded lognormal whose median is p50 and 99th percentile p99. */
export const LatencySpec = z.union([z.number().min(0), z.object({ p50: z.number().min(0), p99: z.number().min(0) })]);
export type LatencySpec = z.infer<typeof LatencySpec>;

const rate = z.number().min(0).max(1);

/** The behaviour knobs: set at startup, per request by `x-sim-*` headers, or at runtime by `POST /_sim/config`. */
export const SimConfig = z.object({
  /** Added latency before each answer. Default 0. */
  latencyMs: LatencySpec,
  /** Share of requests answered 429 (with Retry-After and x-ratelimit-* headers). Default 0. */
  failRate429: rate,
  /** Share of requests answered with `status5xx`. Default 0. */
  failRate5xx: rate,
  /** Status code of injected server errors. Default 500. */
  status5xx: z.number().int().min(500).max(599),
  /** Share of requests that never get an answer (the client times out). Default 0. */
  hangRate: rate,
  /** Requests per rolling 60 s window; null = unlimited. Default null. */
  rpm: z.number().int().positive().nullable(),
  /** Tokens (prompt + max_tokens) per rolling 60 s window; null = unlimited. Default null. */
  tpm: z.number().int().positive().nullable(),
  /** Retry-After of injected (not limit-caused) 429s, in ms. Default 1000. */
  retryAfterMs: z.number().int().min(0),
  /** Time a batch takes from creation to completion, in ms. Default 500. */
  batchDelayMs: z.number().int().min(0),
  /** When set, batches expire after answering this many lines (partial results). Default null. */
  batchExpireAfterLines: z.number().int().min(0).nullable(),
  /** Every request is answered 429 `insufficient_quota` (the account has no credit): a permanent refusal. Default false. */
  quotaExhausted: z.boolean(),
});
export type SimConfig = z.infer<typeof SimConfig>;

export const SimConfigPatch = SimConfig.partial().strict();
export type SimConfigPatch = z.infer<typeof SimConfigPatch>;

export const defaultConfig: SimConfig = {
  latencyMs: 0,
  failRate429: 0,
  failRate5xx: 0,
  status5xx: 500,
  hangRate: 0,
  rpm: null,
  tpm: null,
  retryAfterMs: 1000,
  batchDelayMs: 500,
  batchExpireAfterLines: null,
  quotaExhausted: false,
};

/** Options of {@link startSimulator}; every {@link SimConfig} knob may be given here too. */
export interface SimulatorOptions extends Partial<SimConfig> {
  /** TCP port; 0 picks a free one. Default 0. */
  port?: number;
  /** Interface to listen on. Default '127.0.0.1'. */
  host?: string;
  /** Seed of every random choice (faults, latency, answers without a `seed` param). Default 42. */
  seed?: number;
  /** Request-log ring buffer size. Default 100,000 entries. */
  logCapacity?: number;
  /** Keep request bodies in the log (tests read them; long benches may drop them). Default true. */
  logBodies?: boolean;
  /** Native embedding dimensions per model, merged over the built-in table. Default: 1536 for
   * text-embedding-3-small and ada-002, 3072 for text-embedding-3-large, 1536 for any other model. */
  embeddingDimensions?: Record<string, number>;
  /** pino logger for one line per request. Default: silent. */
  logger?: Logger;
}

export function configFrom(options: SimulatorOptions): SimConfig {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(defaultConfig)) {
    const value = (options as Record<string, unknown>)[key];
    if (value !== undefined) picked[key] = value;
  }
  return SimConfig.parse({ ...defaultConfig, ...picked });
}
