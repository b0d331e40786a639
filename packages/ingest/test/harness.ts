import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { ingestJobs, ItemResult, readJson } from '@llmops/contracts';
import { startSimulator, type Simulator } from '@llmops/llm-simulator';
import { createJobQueues, platformKeys, silentLogger, startWorkers, TenantJobIndex, type JobQueues, type WorkerRuntime } from '@llmops/queue';
import type { RedisClient } from '@llmops/redis';
import type { PlatformServices } from '@llmops/services';
import { REDIS_URL, testProcessorDeps } from '@llmops/services/testing';
import { waitFor } from '@llmops/testing';
import { ingestHandlers, submitUpload, type DocumentInput, type UploadDeps } from '../src';

const RETENTION_SECONDS = 600;

/**
 * The ingest family as the apps wire it, on real Redis and the LLM simulator under a fresh prefix:
 * uploads go through `submitUpload` (the API's use case) and run on a worker runtime with
 * `ingestHandlers`.
 */
export interface Harness {
  simulator: Simulator;
  redis: RedisClient;
  prefix: string;
  services: PlatformServices;
  queues: JobQueues;
  /** Submits an upload as the API does and waits for its job to end; fails the test if the job failed. */
  upload(collection: string, documents: readonly DocumentInput[], tenant?: string): Promise<UploadOutcome>;
  /** Embedding requests the simulator answered so far. */
  embedRequests(): number;
  close(): Promise<void>;
}

export interface UploadOutcome {
  jobId: string;
  result: IngestResult;
  /** Item results (one per document), as stored on the upload's job. */
  items: ItemResult[];
}

type IngestResult = z.infer<typeof ingestJobs.ingest.result>;

export const MODEL = 'text-embedding-3-small';

export async function startHarness(label: string): Promise<Harness> {
  const simulator = await startSimulator({});
  const deps = testProcessorDeps(`ingest-${label}`, simulator.baseURL);
  const { services, redis, prefix } = deps;
  const runtime: WorkerRuntime = await startWorkers({
    catalog: ingestJobs,
    handlers: ingestHandlers(deps),
    redisUrl: REDIS_URL,
    prefix,
    workerId: label,
    logger: silentLogger,
    retentionSeconds: RETENTION_SECONDS,
  });
  const keys = platformKeys(prefix);
  const queues = createJobQueues({ catalog: ingestJobs, connection: redis, prefix, retentionSeconds: RETENTION_SECONDS });
  const submit: UploadDeps = {
    catalog: ingestJobs,
    queues,
    tenantJobs: new TenantJobIndex(redis, keys, RETENTION_SECONDS * 1000),
    redis,
    keys,
    retentionSeconds: RETENTION_SECONDS,
    services,
  };

  const upload = async (collection: string, documents: readonly DocumentInput[], tenant = 'acme'): Promise<UploadOutcome> => {
    const requestHash = randomBytes(32).toString('hex');
    const { jobId } = await submitUpload(submit, { tenant, collection, model: MODEL, documents, requestHash });
    const queue = queues.get('ingest');
    const state = await waitFor(
      async () => {
        const now = await queue.getJobState(jobId);
        return now === 'completed' || now === 'failed' ? now : undefined;
      },
      { what: `ingest job ${jobId} to end` },
    );
    const job = await queue.getJob(jobId);
    if (state === 'failed') throw new Error(`job ${jobId} failed: ${job?.failedReason}`);
    const stored = await redis.hgetall(keys.results(jobId));
    const items = Object.values(stored).map((raw) => readJson(ItemResult, raw));
    return { jobId, result: ingestJobs.ingest.result.parse(job?.returnvalue), items };
  };

  return {
    simulator,
    redis,
    prefix,
    services,
    queues,
    upload,
    embedRequests: () => simulator.log.list().filter((entry) => entry.path.endsWith('/embeddings')).length,
    close: async () => {
      await runtime.close();
      await queues.close();
      await deps.close();
      await simulator.close();
    },
  };
}
