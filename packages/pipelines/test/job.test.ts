import { PipelineDefinition, PipelineItemResult, pipelineInputsKey, type PipelinePayload } from '@llmops/contracts';
import { startSimulator, type Simulator } from '@llmops/llm-simulator';
import { NonRetriableError, ResultStore, platformKeys } from '@llmops/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipelineHandlers, type InferenceSearch } from '../src/index';
import { testJobContext, testProcessorDeps } from '@llmops/services/testing';

// No step here retrieves or looks up the semantic cache by vector: the inference family's search is not called.
const noSearch: InferenceSearch = {
  cacheEmbedding: { model: 'text-embedding-3-small' },
  createEmbedBatcher: () => () => Promise.reject(new Error('no embedding expected')),
  retrieve: () => Promise.reject(new Error('no retrieval expected')),
};

const definition = PipelineDefinition.parse({
  inputs: ['ticket'],
  steps: [
    { id: 'summary', type: 'generate', model: 'gpt-4o-mini', prompt: 'Summarize: {{input.ticket}}', cache: { mode: 'exact' } },
    { id: 'reply', type: 'generate', model: 'gpt-4o-mini', prompt: 'Reply to {{summary}}' },
  ],
  output: { reply: '{{reply}}' },
});
const tickets = ['my invoice is wrong', 'the app crashes on start', 'how do I export data'];

describe('pipeline job handler', () => {
  let sim: Simulator;
  let deps: ReturnType<typeof testProcessorDeps>;

  beforeAll(async () => {
    sim = await startSimulator({ latencyMs: 0 });
    deps = testProcessorDeps('pipelines-job', sim.baseURL);
  });
  afterAll(async () => {
    await deps?.close();
    await sim?.close();
  });

  async function submit(jobId: string, payload: PipelinePayload, attempt = 1) {
    const key = pipelineInputsKey(deps.prefix, jobId);
    await deps.redis.hset(key, ...tickets.flatMap((ticket, i) => [String(i), JSON.stringify({ ticket })]));
    const context = testJobContext(deps, { jobId, tenant: 'acme', payload, attempt });
    return { context, run: () => pipelineHandlers(deps, noSearch).pipeline(context) };
  }
  const chatCalls = (since: number) => sim.log.list(since).filter((entry) => entry.path.endsWith('/chat/completions')).length;

  it('runs every input through its steps, stores each result, and a retried attempt asks the provider nothing again', async () => {
    const payload: PipelinePayload = { definition, inputCount: tickets.length };
    const since = sim.log.latestId;
    const { run } = await submit('job-a', payload);
    const summary = await run();
    expect(summary).toMatchObject({ inputs: 3, completed: 3, failed: 0, providerCalls: 6, cacheHits: 0 });
    expect(chatCalls(since)).toBe(6);
    const page = await new ResultStore(deps.redis, platformKeys(deps.prefix), 3_600).page('job-a', { limit: 10 });
    const results = page.items.map((item) => PipelineItemResult.parse(item.result));
    expect(results.map((result) => result.status)).toEqual(['completed', 'completed', 'completed']);
    expect(results.every((result) => typeof result.output?.reply === 'string' && result.output.reply.length > 0)).toBe(true);

    const again = await submit('job-a', payload, 2);
    const before = sim.log.latestId;
    expect(await again.run()).toMatchObject({ inputs: 3, completed: 3, costUsd: summary.costUsd });
    expect(chatCalls(before)).toBe(0);
  });

  it('answers a repeated step from the exact cache in another job (no provider call, no cost)', async () => {
    const since = sim.log.latestId;
    const { run } = await submit('job-b', { definition, inputCount: tickets.length });
    const summary = await run();
    expect(summary).toMatchObject({ completed: 3, providerCalls: 3, cacheHits: 3 });
    expect(chatCalls(since)).toBe(3);
  });

  it('fails for good when an input is missing from Redis', async () => {
    const { run } = await submit('job-c', { definition, inputCount: tickets.length + 1 });
    await expect(run()).rejects.toBeInstanceOf(NonRetriableError);
  });
});
