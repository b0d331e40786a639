import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationJobs, type CacheCalibrationPayload } from '@llmops/contracts';
import { createLlmClient, type LlmClient } from '@llmops/llm';
import { startSimulator, type Simulator } from '@llmops/llm-simulator';
import { silentLogger, type JobContext } from '@llmops/queue';
import type { PlatformServices, ProcessorDeps } from '@llmops/services';
import { deleteKeys, uniquePrefix } from '@llmops/testing';
import { cacheCalibrationHandlers, cacheKeys, CacheFeedback, CacheStatsRecorder, DEFAULT_CACHE_EMBEDDING } from '../src';
import { redisUrl } from './helpers';

let simulator: Simulator;
let redis: Redis;
let llm: LlmClient;
let deps: ProcessorDeps;
beforeAll(async () => {
  simulator = await startSimulator({});
  redis = new Redis(redisUrl);
  const prefix = uniquePrefix('calibration-job');
  llm = createLlmClient({
    redis,
    providers: { providers: [{ name: 'sim', baseURL: simulator.baseURL, apiKey: 'sim' }] },
    limiter: false,
    ledger: { keyPrefix: prefix },
  });
  // The processor uses the LLM client only (and this package has no pino logger to give).
  deps = { services: { llm } as unknown as PlatformServices, redis, prefix, logger: silentLogger as unknown as ProcessorDeps['logger'] };
});
afterAll(async () => {
  await llm?.close();
  await simulator?.close();
  redis?.disconnect();
  if (deps) await deleteKeys(redisUrl, deps.prefix);
});

const context = (jobId: string, payload: CacheCalibrationPayload): JobContext<CacheCalibrationPayload> => ({
  jobId,
  tenant: 'acme',
  payload,
  attempt: 1,
  signal: new AbortController().signal,
  reportProgress: async () => {},
  results: { put: async () => {}, done: async () => new Set() },
  logger: silentLogger,
  childResults: async () => [],
});

describe('the cache-calibration processor (real Redis, LLM simulator)', () => {
  it("scores pairs as the cache decides (a pair whose numbers differ is never a hit), adds the tenant's wrong-hit reports, and a rerun embeds nothing again", async () => {
    // A wrong semantic hit the tenant reported: it joins the labelled pairs as a negative.
    const keys = cacheKeys(deps.prefix);
    const feedback = new CacheFeedback(redis, keys, { stats: new CacheStatsRecorder(redis, keys) });
    const hit = { tenant: 'acme', scope: 's', entryId: 'e1', kind: 'semantic' as const, similarity: 0.93, embedding: DEFAULT_CACHE_EMBEDDING };
    await feedback.recordHit('inference-1', 'item-1', { ...hit, prompt: 'Cancel my subscription', entryPrompt: 'Cancel my order' });
    await feedback.reportWrong('acme', 'inference-1', 'item-1');

    const payload = evaluationJobs['cache-calibration'].payload.parse({
      pairs: [
        { a: 'How do I reset my password?', b: 'How can I reset my password?', same: true },
        { a: 'Refund order 1234 please', b: 'Refund order 1235 please', same: false },
      ],
      // Below any cosine of two real texts: every pair counts as a hit unless the cache would never serve it.
      thresholds: [-0.9],
    });
    const { 'cache-calibration': calibration } = cacheCalibrationHandlers(deps);
    const report = await calibration(context('cache-calibration-a', payload));
    expect(report.embedding).toEqual(DEFAULT_CACHE_EMBEDDING);
    expect(report.pairs).toMatchObject({ same: 1, different: 2, feedback: 1 });
    const row = report.table[0]!;
    expect(row.hits).toBe(2);
    // The reported pair is a wrong hit; the refund pair, nearly the same words, is not: its order
    // numbers differ, and the cache's literal guard never serves such a candidate.
    expect(row.wrongHits).toBe(1);
    expect(Number(report.cost.usd)).toBeGreaterThan(0);

    const before = simulator.log.list().length;
    const again = await calibration(context('cache-calibration-a', payload));
    expect(simulator.log.list().length).toBe(before);
    expect(again.table).toEqual(report.table);
  });
});
