import { Redis } from 'ioredis';
import type { ItemResult } from '@llmops/contracts';
import { createLlmClient, type LlmClient } from '@llmops/llm';
import { startSimulator, type Simulator } from '@llmops/llm-simulator';
import { createLogger } from '@llmops/logger';
import { platformKeys, ResultStore, type JobContext } from '@llmops/queue';
import type { PlatformServices, ProcessorDeps } from '@llmops/services';
import { deleteKeys, uniquePrefix } from '@llmops/testing';

const redisUrl = 'redis://127.0.0.1:6379';

/** Real Redis and the LLM simulator behind a real LLM client: what a processor gets in the worker. */
export interface JobHarness {
  deps: ProcessorDeps;
  simulator: Simulator;
  /** Requests the simulator has answered so far. */
  requests(): number;
  /** A job's context as the worker builds it; item results go to the real result store. */
  context<P>(jobId: string, payload: P): JobContext<P>;
  /** Every stored item result of a job, in item order. */
  results(jobId: string): Promise<ItemResult[]>;
  close(): Promise<void>;
}

export async function startJobHarness(name: string): Promise<JobHarness> {
  const simulator = await startSimulator({});
  const redis = new Redis(redisUrl);
  const prefix = uniquePrefix(name);
  const llm: LlmClient = createLlmClient({
    redis,
    providers: { providers: [{ name: 'sim', baseURL: simulator.baseURL, apiKey: 'sim' }] },
    limiter: false,
    ledger: { keyPrefix: prefix },
  });
  const logger = createLogger({ name, level: 'silent' });
  // The processors under test use the LLM client only.
  const services = { llm } as unknown as PlatformServices;
  const store = new ResultStore(redis, platformKeys(prefix), 3_600);
  return {
    deps: { services, redis, prefix, logger },
    simulator,
    requests: () => simulator.log.list().length,
    context: (jobId, payload) => ({
      jobId,
      tenant: 'acme',
      payload,
      attempt: 1,
      signal: new AbortController().signal,
      reportProgress: async () => {},
      results: { put: (items) => store.put(jobId, items), done: (ids) => store.done(jobId, ids) },
      logger,
      childResults: async () => [],
    }),
    results: async (jobId) => (await store.page(jobId, { limit: 1_000 })).items,
    async close() {
      await llm.close();
      await simulator.close();
      redis.disconnect();
      await deleteKeys(redisUrl, prefix);
    },
  };
}
