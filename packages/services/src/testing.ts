// Test helpers for the job families' packages (`@llmops/services/testing`): what the worker gives a
// processor, on real Redis and the LLM simulator, without a worker runtime.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@llmops/logger';
import { ResultStore, platformKeys, type JobContext } from '@llmops/queue';
import { createRedis } from '@llmops/redis';
import type { ProcessorDeps } from './processor-deps';
import { ServicesEnv } from './env';
import { createPlatformServices } from './services';
import { deleteKeys, uniquePrefix } from '@llmops/testing';

/** The Redis every test uses (each under its own key prefix). */
export const REDIS_URL = 'redis://127.0.0.1:6379';

/** Worker dependencies for a package's processor tests: real Redis (own prefix) and the simulator at `baseURL`; `close` removes every key. */
export function testProcessorDeps(label: string, baseURL: string): ProcessorDeps & { close(): Promise<void> } {
  const prefix = uniquePrefix(label);
  const redis = createRedis({ url: REDIS_URL, role: 'client' });
  const vectorDir = mkdtempSync(join(tmpdir(), `${label}-`));
  const env = ServicesEnv.parse({ OPENAI_BASE_URL: baseURL, OPENAI_API_KEY: 'sim', PII_VAULT_KEY: 'ab'.repeat(32), VECTOR_DIR: vectorDir });
  const services = createPlatformServices(env, { redis, prefix, vaultTtlSeconds: 3_600 });
  return {
    services,
    redis,
    prefix,
    logger: createLogger({ name: label, level: 'silent' }),
    async close() {
      await services.close();
      await deleteKeys(REDIS_URL, prefix);
      redis.disconnect();
      rmSync(vectorDir, { recursive: true, force: true });
    },
  };
}

/** What the worker runtime gives a handler, with results in Redis as the runtime stores them. */
export function testJobContext<P>(
  deps: ProcessorDeps,
  job: { jobId: string; tenant: string; payload: P; attempt?: number },
): JobContext<P> & { progress: unknown[] } {
  const store = new ResultStore(deps.redis, platformKeys(deps.prefix), 3_600);
  const progress: unknown[] = [];
  return {
    ...job,
    attempt: job.attempt ?? 1,
    signal: new AbortController().signal,
    progress,
    reportProgress: async (value) => void progress.push(value),
    results: { put: (items) => store.put(job.jobId, items), done: (ids) => store.done(job.jobId, ids) },
    logger: deps.logger,
    childResults: async () => [],
  };
}
