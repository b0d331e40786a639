import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlmClient, FatalError, ProvidersConfig, RateLimitedError, type LlmClient, type UsageEvent } from '../src/index';
import { cleanup, connect, uniquePrefix } from './helpers';
import { answered, startSimulator, type Simulator } from './sim';

describe('ProvidersConfig', () => {
  it('applies defaults and names the field that is wrong', () => {
    const parsed = ProvidersConfig.parse({ providers: [{ name: 'openai', baseURL: 'https://api.openai.com/v1', apiKey: 'sk-x' }] });
    expect(parsed.providers[0]).toMatchObject({ timeoutMs: 60_000, limits: {} });
    const bad = ProvidersConfig.safeParse({
      providers: [
        { name: 'openai', baseURL: 'https://api.openai.com/v1' },
        { name: 'openai', baseURL: 'not a url' },
      ],
      models: { 'llama-3': 'vllm' },
    });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['providers.1.baseURL', 'providers.1.name', 'models.llama-3']));
  });
});

describe('several providers at once', () => {
  let redis: Redis;
  let openai: Simulator;
  let vllm: Simulator;
  let client: LlmClient;
  const events: UsageEvent[] = [];
  const prefix = uniquePrefix('providers');
  beforeAll(async () => {
    redis = connect();
    [openai, vllm] = await Promise.all([startSimulator(), startSimulator()]);
    client = createLlmClient({
      redis,
      providers: {
        providers: [
          { name: 'openai', baseURL: openai.baseURL, apiKey: 'sk-test' },
          { name: 'vllm', baseURL: vllm.baseURL },
        ],
        models: { 'meta-llama/Llama-3.1-8B-Instruct': 'vllm' },
        defaultProvider: 'openai',
      },
      limiter: { keyPrefix: prefix },
      ledger: { keyPrefix: prefix, onUsage: (e) => events.push(e) },
    });
  });
  afterAll(async () => {
    await client?.close();
    await Promise.all([openai?.close(), vllm?.close()]);
    await cleanup(redis, prefix);
    redis.disconnect();
  });

  it('routes each model to its provider and prices only models the registry knows', async () => {
    const ask = (model: string) => client.chat({ model, messages: [{ role: 'user', content: 'hello' }], max_tokens: 10 }, { tenant: 't', jobType: 'j' });
    const local = await ask('meta-llama/Llama-3.1-8B-Instruct');
    const hosted = await ask('gpt-4o-mini');
    expect(local.provider).toBe('vllm');
    expect(hosted.provider).toBe('openai');
    expect(answered(vllm, '/v1/chat/completions').map((e) => e.model)).toEqual(['meta-llama/Llama-3.1-8B-Instruct']);
    expect(answered(openai, '/v1/chat/completions').map((e) => e.model)).toEqual(['gpt-4o-mini']);
    expect(local.costNanoUsd).toBe(0n);
    expect(hosted.costNanoUsd).toBeGreaterThan(0n);
    expect(events.map((e) => [e.provider, e.model])).toEqual([
      ['vllm', 'meta-llama/Llama-3.1-8B-Instruct'],
      ['openai', 'gpt-4o-mini'],
    ]);
  });

  it('accepts a conversation with tool calls (an assistant turn without content)', async () => {
    const result = await client.chat(
      {
        model: 'gpt-4o-mini',
        max_tokens: 20,
        tools: [{ type: 'function', function: { name: 'weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }],
        messages: [
          { role: 'user', content: 'weather in Paris?' },
          { role: 'assistant', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } }] },
          { role: 'tool', tool_call_id: 'c1', content: 'sunny, 21 C' },
        ],
      },
      { tenant: 't', jobType: 'j' },
    );
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.completion.choices[0]?.message).toBeDefined();
  });

  it('hands a 429 it cannot wait out to the caller as RateLimitedError with the provider delay', async () => {
    openai.configure({ failRate429: 1, retryAfterMs: 5_000 });
    try {
      const since = openai.log.latestId;
      const error = await client
        .chat({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }, { tenant: 't', jobType: 'j', retry: { maxElapsedMs: 2_000 } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitedError);
      expect((error as RateLimitedError).retryAfterMs).toBe(5_000);
      expect(openai.log.list(since)).toHaveLength(1);
    } finally {
      openai.configure({ failRate429: 0, retryAfterMs: 1_000 });
    }
  });

  it('fails a 4xx at once, without retrying', async () => {
    const since = openai.log.latestId;
    const error = await client.chat({ model: 'gpt-4o-mini', messages: [] }, { tenant: 't', jobType: 'j' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FatalError);
    expect((error as FatalError).status).toBe(400);
    expect(openai.log.list(since)).toHaveLength(1);
  });
});
