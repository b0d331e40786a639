import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import {
  bullPrefix,
  inferenceJobs,
  InferenceItemResult,
  InferenceSummary,
  ItemResult,
  readJson,
  type InferenceItem,
  type InferencePayload,
} from '@llmops/contracts';
import { startSimulator, type Simulator } from '@llmops/llm-simulator';
import { createLogger } from '@llmops/logger';
import { jobOptionsFor, newJobId, platformKeys, silentLogger, startWorkers, type WorkerRuntime } from '@llmops/queue';
import { createPlatformServices, ServicesEnv, type PlatformServices } from '@llmops/services';
import { deleteKeys, uniquePrefix, waitFor } from '@llmops/testing';
import { inferenceHandlers, prepareInference, type SubmissionDeps } from '../src';

export const redisUrl = 'redis://127.0.0.1:6379';
const definition = inferenceJobs.inference;

/** The inference family on real Redis, the LLM simulator and a worker runtime, under a fresh prefix. */
export interface Harness {
  simulator: Simulator;
  redis: Redis;
  services: PlatformServices;
  submission: SubmissionDeps;
  /** Prepares a job as the API does, enqueues it, waits for it to finish and reads what it left. */
  run(items: readonly InferenceItem[], settings: Omit<InferencePayload, 'itemCount'>): Promise<RunOutcome>;
  close(): Promise<void>;
}

export interface RunOutcome {
  jobId: string;
  summary: InferenceSummary;
  /** Item results by item id, as stored (pseudonymized). */
  results: Map<string, InferenceItemResult>;
}

export async function startHarness(label: string): Promise<Harness> {
  const prefix = uniquePrefix(label);
  const vectorDir = mkdtempSync(join(tmpdir(), `llmops-inference-${label}-`));
  const simulator = await startSimulator({});
  const redis = new Redis(redisUrl);
  const env = ServicesEnv.parse({
    OPENAI_BASE_URL: simulator.baseURL,
    OPENAI_API_KEY: 'simulator',
    PII_VAULT_KEY: randomBytes(32).toString('hex'),
    VECTOR_DIR: vectorDir,
  });
  const services = createPlatformServices(env, { redis, prefix, vaultTtlSeconds: 3600 });
  const runtime: WorkerRuntime = await startWorkers({
    catalog: inferenceJobs,
    handlers: inferenceHandlers({ services, redis, prefix, logger: createLogger({ name: 'inference-test', level: 'silent' }) }),
    redisUrl,
    prefix,
    workerId: label,
    logger: silentLogger,
    retentionSeconds: 600,
  });
  const queue = new Queue(definition.queue, { connection: redis, prefix: bullPrefix(prefix, definition) });
  const submission: SubmissionDeps = { services, redis, prefix, retentionSeconds: 600 };

  const run = async (items: readonly InferenceItem[], settings: Omit<InferencePayload, 'itemCount'>): Promise<RunOutcome> => {
    const jobId = newJobId(definition.queue);
    const prepared = await prepareInference(submission, { tenant: 'acme', payload: { ...settings, itemCount: items.length }, items });
    const payload = await prepared.build(jobId);
    const envelope = { tenant: 'acme', requestHash: 'a'.repeat(64), submittedAt: new Date().toISOString(), payload };
    const job = await queue.add(definition.queue, envelope, { ...jobOptionsFor(definition, 600), jobId });
    const state = await waitFor(async () => {
      const now = await job.getState();
      return now === 'completed' || now === 'failed' ? now : undefined;
    });
    const done = await queue.getJob(jobId);
    if (state === 'failed') throw new Error(`job ${jobId} failed: ${done?.failedReason}`);
    const stored = await redis.hgetall(platformKeys(prefix).results(jobId));
    const results = new Map(
      Object.values(stored).map((raw) => {
        const item = readJson(ItemResult, raw);
        return [item.id, InferenceItemResult.parse(item.result)] as const;
      }),
    );
    return { jobId, summary: InferenceSummary.parse(done?.returnvalue), results };
  };

  return {
    simulator,
    redis,
    services,
    submission,
    run,
    close: async () => {
      await runtime.close();
      await queue.close();
      await services.close();
      await simulator.close();
      redis.disconnect();
      await deleteKeys(redisUrl, prefix);
      rmSync(vectorDir, { recursive: true, force: true });
    },
  };
}
