import { describe, expect, it } from 'vitest';
import { costOf, createModelRegistry, defaultModelRegistry, encodingForModel, parseModelOverrides, tunedModelBase } from '../src/index';

describe('fine-tuning prices in the registry', () => {
  it('gives the tunable chat models a training price, a training context and tuned prices', () => {
    const mini = defaultModelRegistry.require('gpt-4o-mini');
    expect(mini.pricing.trainingPerMTok).toBe('3.00');
    expect(mini.fineTuning).toEqual({
      trainingContextTokens: 65_536,
      tunedPricing: { inputPerMTok: '0.30', outputPerMTok: '1.20', cachedInputPerMTok: '0.15', batchInputPerMTok: '0.15', batchOutputPerMTok: '0.60' },
    });
    expect(defaultModelRegistry.require('gpt-3.5-turbo').fineTuning?.trainingContextTokens).toBe(16_385);
    for (const name of ['gpt-4o', 'gpt-4.1', 'gpt-4.1-mini', 'gpt-4.1-nano']) {
      const model = defaultModelRegistry.require(name);
      expect(Number(model.pricing.trainingPerMTok), name).toBeGreaterThan(0);
      // A tuned model costs more per token than its base.
      expect(Number(model.fineTuning!.tunedPricing.inputPerMTok), name).toBeGreaterThan(Number(model.pricing.inputPerMTok));
    }
    expect(defaultModelRegistry.require('o3').fineTuning).toBeUndefined();
    expect(defaultModelRegistry.require('text-embedding-3-small').pricing.trainingPerMTok).toBeUndefined();
  });

  it('resolves a fine-tuned id to its base at the tuned prices', () => {
    const id = 'ft:gpt-4o-mini-2024-07-18:acme:support:9aZ3kQ1x';
    expect(tunedModelBase(id)).toBe('gpt-4o-mini-2024-07-18');
    const tuned = defaultModelRegistry.require(id);
    expect(tuned).toMatchObject({ name: id, kind: 'chat', tunedFrom: 'gpt-4o-mini', contextWindow: 128_000, maxOutputTokens: 16_384, encoding: 'o200k_base' });
    expect(tuned.pricing).toEqual(defaultModelRegistry.require('gpt-4o-mini').fineTuning!.tunedPricing);
    expect(tuned.fineTuning).toBeUndefined();
    // 1M input + 1M output tokens on the tuned model: $0.30 + $1.20.
    expect(costOf(tuned, { inputTokens: 1_000_000, outputTokens: 1_000_000 }).toFixed(2)).toBe('1.50');
    expect(encodingForModel(id)).toBe('o200k_base');
  });

  it('knows no tuned model of an unknown or untunable base', () => {
    expect(defaultModelRegistry.get('ft:no-such-model:acme::x')).toBeUndefined();
    expect(defaultModelRegistry.get('ft:o3:acme::x')).toBeUndefined();
    expect(defaultModelRegistry.get('ft:')).toBeUndefined();
    expect(tunedModelBase('gpt-4o-mini')).toBeUndefined();
  });

  it('takes training prices and tuned prices from overrides', () => {
    const registry = createModelRegistry(
      parseModelOverrides(
        JSON.stringify([
          { name: 'gpt-4o-mini', pricing: { trainingPerMTok: '2.50' }, fineTuning: { tunedPricing: { outputPerMTok: '1.00' } } },
          { name: 'local-llama', kind: 'chat', contextWindow: 8_192, pricing: { inputPerMTok: '0.01', trainingPerMTok: '0.50' }, fineTuning: {} },
        ]),
      ),
    );
    expect(registry.require('gpt-4o-mini').pricing.trainingPerMTok).toBe('2.50');
    expect(registry.require('ft:gpt-4o-mini:x::y').pricing).toMatchObject({ inputPerMTok: '0.30', outputPerMTok: '1.00' });
    const llama = registry.require('local-llama');
    expect(llama.fineTuning).toEqual({ trainingContextTokens: 8_192, tunedPricing: { inputPerMTok: '0.01', outputPerMTok: '0' } });
    expect(registry.require('ft:local-llama:me::1').pricing).toEqual({ inputPerMTok: '0.01', outputPerMTok: '0' });
  });

  it('hands out tuned models callers cannot change', () => {
    const tuned = defaultModelRegistry.require('ft:gpt-4o:acme::1');
    expect(() => {
      (tuned.pricing as { inputPerMTok: string }).inputPerMTok = '0';
    }).toThrow(TypeError);
  });
});
