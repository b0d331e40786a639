import { describe, expect, it } from 'vitest';
import { defaultModelRegistry } from '@llmops/tokens';
import { computeAdvice, type AdviceInputs } from '../src/index';

const models = {
  embedding: defaultModelRegistry.require('text-embedding-3-small'),
  chat: defaultModelRegistry.require('gpt-4o-mini'),
  base: defaultModelRegistry.require('gpt-4o-mini'),
};

// The worked example of the README, computed by hand:
//   prices per token: embedding 0.02e-6; gpt-4o-mini 0.15e-6 in, 0.60e-6 out; tuned 0.30e-6 in,
//   1.20e-6 out; training 3.00e-6.
//   RAG setup = 1,000,000 x 0.02e-6 = 0.02; fresh = 100,000 x 0.02e-6 = 0.002 a month
//   RAG per query = 50 x 0.02e-6 + 0.8 x ((50 + 1500 + 32 + 10) x 0.15e-6 + 200 x 0.60e-6)
//                 = 0.000001 + 0.8 x (0.0002388 + 0.00012) = 0.00028804
//   FT setup = 1,000,000 x 3 x 3.00e-6 = 9; fresh = 1 retrain = 9 a month
//   FT per query = 0.8 x ((50 + 10) x 0.30e-6 + 200 x 1.20e-6) = 0.8 x 0.000258 = 0.0002064
//   monthly at 100,000 queries: RAG 0.002 + 28.804 = 28.806; FT 9 + 20.64 = 29.64
//   first year: RAG 0.02 + 12 x 28.806 = 345.692; FT 9 + 12 x 29.64 = 364.68
//   break-even a month: (9 - 0.002) / (0.00028804 - 0.0002064) = 110,215.57 -> 110,216 queries
//   break-even over the first year: ((9 + 108) - (0.02 + 0.024)) / 12 / 0.00008164 = 119,381.9 -> 119,382
const inputs: AdviceInputs = {
  collection: { name: 'handbook', chunks: 2_000, tokens: 1_000_000, embeddingModel: 'text-embedding-3-small', changedTokensPerMonth: 100_000 },
  traffic: { queriesPerMonth: 100_000, questionTokens: 50, answerTokens: 200, cacheHitRate: 0.2 },
  rag: { model: 'gpt-4o-mini', contextTokens: 1_500 },
  fineTune: { baseModel: 'gpt-4o-mini', epochs: 3, trainingTokens: 1_000_000, retrainsPerMonth: 1 },
};

describe('computeAdvice', () => {
  it('matches the hand-computed case', () => {
    const advice = computeAdvice(inputs, models);
    const row = (item: string) => advice.table.find((r) => r.item === item)!;
    expect(row('setup (one-off)')).toMatchObject({ rag: '0.020000', fineTune: '9.000000' });
    expect(row('keeping fresh (a month)')).toMatchObject({ rag: '0.002000', fineTune: '9.000000' });
    expect(row('per 1,000 queries')).toMatchObject({ rag: '0.288040', fineTune: '0.206400' });
    expect(row('queries (a month)')).toMatchObject({ rag: '28.804000', fineTune: '20.640000' });
    expect(advice.monthly).toEqual({ rag: '28.806000', fineTune: '29.640000' });
    expect(advice.firstYear).toEqual({ rag: '345.692000', fineTune: '364.680000' });
    expect(advice.breakEven).toEqual({ monthlyQueries: 110_216, firstYearQueries: 119_382 });
    expect(advice.cheaper).toEqual({ monthly: 'rag', firstYear: 'rag' });
    expect(advice.inputs).toEqual(inputs);
  });

  it('flips to fine-tuning above the break-even traffic, and never when it costs more per query', () => {
    const busy = computeAdvice({ ...inputs, traffic: { ...inputs.traffic, queriesPerMonth: 120_000 } }, models);
    expect(busy.cheaper).toEqual({ monthly: 'fine-tune', firstYear: 'fine-tune' });
    // Short contexts make RAG cheaper per query than the tuned model's doubled prices.
    const lean = computeAdvice({ ...inputs, rag: { ...inputs.rag, contextTokens: 100 } }, models);
    expect(lean.breakEven).toEqual({ monthlyQueries: null, firstYearQueries: null });
    // A static collection needs no retraining: the only fixed gap is the first training.
    const still = computeAdvice(
      { ...inputs, collection: { ...inputs.collection, changedTokensPerMonth: 0 }, fineTune: { ...inputs.fineTune, retrainsPerMonth: 0 } },
      models,
    );
    expect(still.breakEven.monthlyQueries).toBe(0);
    expect(still.notes[0]).toMatch(/did not change/);
  });
});
