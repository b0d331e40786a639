import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMemoryTracing, type MemoryTracing } from '@llmops/telemetry/testing';
import { createLlmClient, FatalError, type LlmClient } from '../src/index';
import { cleanup, connect, uniquePrefix } from './helpers';
import { startSimulator, type Simulator } from './sim';

// Prompts carry this marker: it must never reach a span.
const MARKER = 'zebra-marker-alice@example.com';

describe('provider calls are traced with model, tokens, cost and retries, never the prompt', () => {
  let redis: Redis;
  let sim: Simulator;
  let tracing: MemoryTracing;
  let client: LlmClient;
  const prefix = uniquePrefix('tracing');
  beforeAll(async () => {
    tracing = startMemoryTracing({ serviceName: 'llm-test' });
    redis = connect();
    sim = await startSimulator({ retryAfterMs: 20, seed: 5 });
    client = createLlmClient({
      redis,
      providers: { providers: [{ name: 'sim', baseURL: sim.baseURL, limits: { 'gpt-4o-mini': { rpm: 3 } } }] },
      // A 2 s window: the fourth call of a burst waits for the limiter.
      limiter: { keyPrefix: prefix, windowMs: 2_000, subWindows: 4 },
      ledger: { keyPrefix: prefix },
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
    });
  });
  afterAll(async () => {
    await client.close();
    await sim?.close();
    await cleanup(redis, prefix);
    redis.disconnect();
    await tracing.shutdown();
  });

  it('one CLIENT span per chat call, its retries and limiter waits on it', async () => {
    tracing.reset();
    sim.configure({ failRate429: 0.3, failRate5xx: 0.3 });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        client.chat(
          { model: 'gpt-4o-mini', messages: [{ role: 'user', content: `question ${i} ${MARKER}` }], max_tokens: 5 },
          { tenant: 'acme', jobType: 'inference', jobId: 'job-7' },
        ),
      ),
    );
    sim.configure({ failRate429: 0, failRate5xx: 0 });
    const spans = tracing.spans();
    const calls = spans.filter((span) => span.name === 'chat gpt-4o-mini');
    expect(calls).toHaveLength(6);
    for (const call of calls) {
      expect(call).toMatchObject({ kind: 'client', scope: '@llmops/llm', status: 'unset' });
      expect(call.attributes).toMatchObject({
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'sim',
        'llmops.tenant': 'acme',
        'llmops.job.id': 'job-7',
      });
      // The retry count on the span is the number of failed attempts the span saw.
      expect(call.attributes['llmops.llm.retries']).toBe(call.events.filter((event) => event === 'retry' || event === 'rate limited (429)').length);
    }
    // Tokens and cost as the caller got them.
    const totals = (key: string) => calls.reduce((sum, call) => sum + Number(call.attributes[key]), 0);
    expect(totals('gen_ai.usage.input_tokens')).toBe(results.reduce((sum, r) => sum + r.usage.inputTokens, 0));
    expect(totals('gen_ai.usage.output_tokens')).toBe(results.reduce((sum, r) => sum + r.usage.outputTokens, 0));
    expect(totals('llmops.llm.cost_usd')).toBeCloseTo(
      results.reduce((sum, r) => sum + Number(r.costUsd), 0),
      9,
    );
    // Every injected fault shows up as a retry on some span.
    const faults = sim.log.list().filter((entry) => entry.fault === 'injected-429' || entry.fault === 'injected-5xx').length;
    expect(totals('llmops.llm.retries')).toBe(faults);
    // Limiter admissions are children of their call; with rpm 3, some call waited.
    const limiter = spans.filter((span) => span.name === 'rate limiter');
    const trees = new Map(calls.map((call) => [call.spanId, call]));
    expect(limiter.every((span) => span.parentSpanId !== undefined && trees.has(span.parentSpanId))).toBe(true);
    expect(limiter.some((span) => Number(span.attributes['llmops.limiter.wait_ms']) > 0)).toBe(true);
    expect(JSON.stringify(spans)).not.toContain('zebra-marker');
    // Retries pass the limiter too (3 calls per 2 s): a run with many faults takes tens of seconds.
  }, 120_000);

  it('an embed call is one span with its input count, tokens and requests', async () => {
    tracing.reset();
    const result = await client.embed([`first ${MARKER}`, 'second', 'third'], { model: 'text-embedding-3-small', tenant: 'acme', jobType: 'ingest' });
    const [span] = tracing.spans().filter((s) => s.name === 'embeddings text-embedding-3-small');
    expect(span?.attributes).toMatchObject({
      'llmops.llm.inputs': 3,
      'gen_ai.usage.input_tokens': result.usage.inputTokens,
      'llmops.llm.requests': result.usage.requests,
    });
    expect(JSON.stringify(tracing.spans())).not.toContain('zebra-marker');
  });

  it('a refused call marks its span failed with the error class and status, not the message', async () => {
    tracing.reset();
    sim.configure({ quotaExhausted: true });
    const error = await client
      .chat({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: MARKER }] }, { tenant: 'acme', jobType: 'inference' })
      .catch((e: unknown) => e);
    sim.configure({ quotaExhausted: false });
    expect(error).toBeInstanceOf(FatalError);
    const [span] = tracing.spans().filter((s) => s.name === 'chat gpt-4o-mini');
    expect(span).toMatchObject({ status: 'error', attributes: { 'error.type': 'FatalError', 'http.response.status_code': (error as FatalError).status } });
    expect(JSON.stringify(tracing.spans())).not.toContain('zebra-marker');
  });
});
