import { Queue } from 'bullmq';
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
import { jobOptionsFor, newJobId, platformKeys, silentLogger, startWorkers, type WorkerRuntime } from '@llmops/queue';
import type { RedisClient } from '@llmops/redis';
import type { PlatformServices } from '@llmops/services';
import { REDIS_URL, testProcessorDeps } from '@llmops/services/testing';
import { waitFor } from '@llmops/testing';
import { inferenceHandlers, prepareInference, type SubmissionDeps } from '../src';

const definition = inferenceJobs.inference;

/** The inference family on real Redis, the LLM simulator and a worker runtime, under a fresh prefix. */
export interface Harness {
  simulator: Simulator;
  redis: RedisClient;
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
  const simulator = await startSimulator({});
  const deps = testProcessorDeps(`inference-${label}`, simulator.baseURL);
  const { services, redis, prefix } = deps;
  const runtime: WorkerRuntime = await startWorkers({
    catalog: inferenceJobs,
    handlers: inferenceHandlers(deps),
    redisUrl: REDIS_URL,
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
      await deps.close();
      await simulator.close();
    },
  };
}
