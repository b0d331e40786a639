import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseEnv } from '@llmops/config';
import { providersFrom, ServicesConfigError, ServicesEnvShape } from '../src';

const schema = z.object(ServicesEnvShape);

describe('services environment', () => {
  it('names a variable holding bad JSON or a bad shape', () => {
    expect(() => parseEnv(schema, { LLM_PROVIDERS: '{not json' })).toThrow(/LLM_PROVIDERS: not valid JSON/);
    expect(() => parseEnv(schema, { PII_POLICIES: '{"default":{"entities":{"EMAIL":"shout"}}}' })).toThrow(/PII_POLICIES: default\.entities\.EMAIL/);
    expect(() => parseEnv(schema, { PII_VAULT_KEY: 'short' })).toThrow(/PII_VAULT_KEY: expected 32 bytes/);
  });

  it('builds one provider from OPENAI_* with its limits, and refuses to guess when nothing is set', () => {
    const env = parseEnv(schema, { OPENAI_BASE_URL: 'http://127.0.0.1:4010/v1', OPENAI_API_KEY: 'k', LLM_LIMITS: '{"gpt-4o-mini":{"tpm":1000}}' });
    expect(providersFrom(env).providers[0]).toMatchObject({ baseURL: 'http://127.0.0.1:4010/v1', apiKey: 'k', limits: { 'gpt-4o-mini': { tpm: 1000 } } });
    expect(() => providersFrom(parseEnv(schema, {}))).toThrow(ServicesConfigError);
  });

  it('prefers LLM_PROVIDERS for several providers at once', () => {
    const env = parseEnv(schema, {
      OPENAI_API_KEY: 'ignored',
      LLM_PROVIDERS: JSON.stringify({
        providers: [
          { name: 'openai', baseURL: 'https://api.openai.com/v1' },
          { name: 'vllm', baseURL: 'http://vllm:8000/v1' },
        ],
        models: { 'llama-3.1-8b': 'vllm' },
      }),
    });
    expect(providersFrom(env).providers.map((provider) => provider.name)).toEqual(['openai', 'vllm']);
  });
});
