import { jobDataKeys, type FineTunePayload } from '@llmops/contracts';
import { startSimulator, type Simulator } from '@llmops/llm-simulator';
import { NonRetriableError, StepWait } from '@llmops/queue';
import { countChatTokens, defaultModelRegistry, nanoToUsdString } from '@llmops/tokens';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTunedModels, estimateTraining, fineTuneHandlers, type TrainingExample } from '../src/index';
import { testJobContext, testProcessorDeps } from '@llmops/services/testing';

const examples: TrainingExample[] = Array.from({ length: 10 }, (_, i) => ({
  messages: [
    { role: 'user', content: `How long is the refund window for order type ${i}?` },
    { role: 'assistant', content: `Order type ${i} can be refunded within ${10 + i} days.` },
  ],
}));
const datasetTokens = examples.reduce((sum, example) => sum + countChatTokens(example.messages, 'gpt-4o-mini'), 0);
const payload: FineTunePayload = {
  baseModel: 'gpt-4o-mini',
  epochs: 2,
  examples: examples.length,
  datasetTokens,
  estimatedUsd: estimateTraining(defaultModelRegistry.require('gpt-4o-mini'), { examples: examples.length, datasetTokens, epochs: 2 }).usd,
  pollIntervalMs: 100,
};

describe('fine-tune job handler', () => {
  let sim: Simulator;
  let deps: ReturnType<typeof testProcessorDeps>;
  const simControl = (patch: Record<string, unknown>) =>
    fetch(`${sim.baseURL.replace(/\/v1$/, '')}/_sim/fine-tuning`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(patch),
    });

  beforeAll(async () => {
    sim = await startSimulator({ latencyMs: 0 });
    // Phases one millisecond apart: a status check soon finds the training ended.
    await simControl({ stepMs: 1 });
    deps = testProcessorDeps('finetune-job', sim.baseURL);
  });
  afterAll(async () => {
    await deps?.close();
    await sim?.close();
  });

  async function store(jobId: string) {
    const key = jobDataKeys(deps.prefix, jobId).fineTuneData;
    await deps.redis.hset(key, ...examples.flatMap((example, i) => [`train:${i}`, JSON.stringify(example)]));
  }
  const wakeUp = (jobId: string) => fineTuneHandlers(deps)['fine-tune'](testJobContext(deps, { jobId, tenant: 'acme', payload }));
  /** Runs the handler as the worker's step-job wake-ups would, until it returns or fails. */
  async function runToEnd(jobId: string) {
    for (;;) {
      try {
        return { result: await wakeUp(jobId) };
      } catch (error) {
        if (!(error instanceof StepWait)) throw error;
      }
    }
  }
  const requests = (since: number, path: string) => sim.log.list(since).filter((entry) => entry.method === 'POST' && entry.path.endsWith(path)).length;

  it('uploads once, waits for the training as a step job, bills the trained tokens once and registers the model for the tenant', async () => {
    await store('ft-a');
    const since = sim.log.latestId;
    const { result } = await runToEnd('ft-a');
    expect(result.model).toMatch(/^ft:gpt-4o-mini/);
    expect(result.trainedTokens).toBe(datasetTokens * 2);
    // $3.00 per million training tokens.
    expect(result.costUsd).toBe(nanoToUsdString(BigInt(result.trainedTokens * 3_000)));
    expect(requests(since, '/files')).toBe(1);
    expect(requests(since, '/fine_tuning/jobs')).toBe(1);
    expect(await createTunedModels(deps.redis, deps.prefix).get('acme', result.model)).toMatchObject({ baseModel: 'gpt-4o-mini', jobId: 'ft-a' });
    expect(await createTunedModels(deps.redis, deps.prefix).get('globex', result.model)).toBeUndefined();

    // A retried attempt after success resumes from the saved state: nothing uploaded, created or billed again.
    const again = sim.log.latestId;
    const retried = await runToEnd('ft-a');
    expect(retried.result).toMatchObject({ model: result.model, costUsd: result.costUsd });
    expect(requests(again, '/files') + requests(again, '/fine_tuning/jobs')).toBe(0);
  });

  it('while the provider trains, each wake-up checks the status and moves the job to delayed again (no second upload or provider job)', async () => {
    // Phases a minute apart: the training is still running at every check below.
    await simControl({ stepMs: 60_000 });
    await store('ft-slow');
    const since = sim.log.latestId;
    const first = await wakeUp('ft-slow').catch((error: unknown) => error);
    const second = await wakeUp('ft-slow').catch((error: unknown) => error);
    await simControl({ stepMs: 1 });
    expect(first).toBeInstanceOf(StepWait);
    expect(second).toBeInstanceOf(StepWait);
    // The wait doubles from the payload's poll interval.
    expect([(first as StepWait).delayMs, (second as StepWait).delayMs]).toEqual([100, 200]);
    expect(requests(since, '/files')).toBe(1);
    expect(requests(since, '/fine_tuning/jobs')).toBe(1);
  });

  it('fails for good when the provider ends the training without a model', async () => {
    await simControl({ failTraining: true });
    await store('ft-b');
    const failure = await runToEnd('ft-b').catch((error: unknown) => error);
    await simControl({ failTraining: false });
    expect(failure).toBeInstanceOf(NonRetriableError);
    expect(String(failure)).toContain('failed');
  });
});
