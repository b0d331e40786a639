import { describe, expect, it } from 'vitest';
import { createModelRegistry, defaultModelRegistry, encodingForModel, parseModelOverrides, UnknownModelError } from '../src/index';

describe('model registry', () => {
  it('ships the current OpenAI models with consistent data', () => {
    const names = defaultModelRegistry.list().map((m) => m.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'gpt-4o',
        'gpt-4o-mini',
        'gpt-4.1',
        'gpt-4.1-mini',
        'gpt-4.1-nano',
        'o3',
        'o4-mini',
        'gpt-3.5-turbo',
        'text-embedding-3-small',
        'text-embedding-3-large',
        'text-embedding-ada-002',
      ]),
    );
    for (const m of defaultModelRegistry.list()) {
      expect(m.encoding, m.name).toBe(encodingForModel(m.name));
      expect(m.contextWindow).toBeGreaterThan(m.maxOutputTokens);
      expect(Number(m.pricing.inputPerMTok)).toBeGreaterThan(0);
      expect(m.kind === 'embedding').toBe(m.embedding !== undefined);
    }
  });

  it('knows embedding dimensions and OpenAI request limits', () => {
    expect(defaultModelRegistry.require('text-embedding-3-small').embedding).toEqual({
      dimensions: 1536,
      maxInputsPerRequest: 2048,
      maxTokensPerRequest: 300_000,
      maxTokensPerInput: 8192,
    });
    expect(defaultModelRegistry.get('text-embedding-3-large')?.embedding?.dimensions).toBe(3072);
  });

  it('throws UnknownModelError naming the model, and get() returns undefined', () => {
    expect(defaultModelRegistry.get('no-such-model')).toBeUndefined();
    expect(() => defaultModelRegistry.require('no-such-model')).toThrow(UnknownModelError);
    expect(() => defaultModelRegistry.require('no-such-model')).toThrow(/no-such-model/);
  });

  it('resolves dated snapshots to their alias', () => {
    expect(defaultModelRegistry.get('gpt-4o-mini-2024-07-18')?.name).toBe('gpt-4o-mini');
  });

  it('overrides prices field by field and adds local models', () => {
    const registry = createModelRegistry([
      { name: 'gpt-4o-mini', pricing: { inputPerMTok: '0.10' } },
      { name: 'qwen2.5-7b-vllm', kind: 'chat', contextWindow: 32_768 },
      { name: 'bge-small', kind: 'embedding', contextWindow: 512, maxOutputTokens: 0, embedding: { dimensions: 384 } },
    ]);
    expect(registry.require('gpt-4o-mini').pricing).toMatchObject({ inputPerMTok: '0.10', outputPerMTok: '0.60' });
    expect(defaultModelRegistry.require('gpt-4o-mini').pricing.inputPerMTok).toBe('0.15');
    expect(registry.require('qwen2.5-7b-vllm')).toMatchObject({
      encoding: 'cl100k_base',
      maxOutputTokens: 4096,
      pricing: { inputPerMTok: '0', outputPerMTok: '0' },
    });
    expect(registry.require('bge-small').embedding).toEqual({
      dimensions: 384,
      maxInputsPerRequest: 2048,
      maxTokensPerRequest: 300_000,
      maxTokensPerInput: 512,
    });
  });

  it('refuses an override that cannot make a complete model', () => {
    expect(() => createModelRegistry([{ name: 'mystery', pricing: { inputPerMTok: '1' } }])).toThrow(/mystery.*kind and contextWindow/);
    expect(() => createModelRegistry([{ name: 'emb', kind: 'embedding', contextWindow: 10, maxOutputTokens: 0 }])).toThrow(/dimensions/);
  });

  it('hands out models that callers cannot change', () => {
    const m = defaultModelRegistry.require('gpt-4o');
    expect(() => {
      (m.pricing as { inputPerMTok: string }).inputPerMTok = '0';
    }).toThrow(TypeError);
    expect(defaultModelRegistry.require('gpt-4o').pricing.inputPerMTok).toBe('2.50');
  });
});

describe('parseModelOverrides', () => {
  it('parses an array, a single object, or blank text', () => {
    expect(parseModelOverrides('[{"name":"gpt-4o","pricing":{"outputPerMTok":"9"}}]')).toEqual([{ name: 'gpt-4o', pricing: { outputPerMTok: '9' } }]);
    expect(parseModelOverrides('{"name":"x","kind":"chat","contextWindow":10,"maxOutputTokens":5}')).toHaveLength(1);
    expect(parseModelOverrides('  ')).toEqual([]);
  });

  it('names the bad field', () => {
    expect(() => parseModelOverrides('[{"name":"gpt-4o","pricing":{"inputPerMTok":0.1}}]')).toThrow(/0\.pricing\.inputPerMTok/);
    expect(() => parseModelOverrides('[{"name":"gpt-4o","contextWindw":5}]')).toThrow(/contextWindw/);
    expect(() => parseModelOverrides('{not json')).toThrow(/not valid JSON/);
  });
});
