import { describe, expect, it } from 'vitest';
import { CHAT_FRAMING_TOKENS, countTokens, createModelRegistry, fitContext } from '../src/index';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i % 10}`).join(' ');
const system = 'You answer from the passages only.';
const question = 'What does the contract say about termination?';
const fixed = CHAT_FRAMING_TOKENS + countTokens(system, 'gpt-4o') + countTokens(question, 'gpt-4o');

describe('fitContext', () => {
  it('computes the budget from the context window, output reservation, system and question', () => {
    const r = fitContext({ model: 'gpt-4o', maxOutputTokens: 1000, system, question, passages: [] });
    expect(r.budget).toBe(128_000 - 1000 - fixed);
    expect(r.promptTokens).toBe(fixed);
    expect(fitContext({ model: 'gpt-4o', maxOutputTokens: 1000, system, question, passages: [], maxContextTokens: 500 }).budget).toBe(500);
  });

  it('takes passages by score (ties by id), skipping one that does not fit for smaller later ones', () => {
    const passages = [
      { id: 'b', text: words(40), score: 0.9 },
      { id: 'a', text: words(40), score: 0.9 },
      { id: 'big', text: words(400), score: 0.8 },
      { id: 'small', text: 'A short one.', score: 0.1 },
    ];
    const tokens = countTokens(words(40), 'gpt-4o');
    const r = fitContext({
      model: 'gpt-4o',
      maxOutputTokens: 100,
      system,
      question,
      passages,
      maxContextTokens: tokens + 8 + 20,
      passageOverheadTokens: 8,
    });
    expect(r.included.map((p) => p.id)).toEqual(['a', 'small']);
    expect(r.dropped).toEqual([
      { id: 'b', reason: 'duplicate' },
      { id: 'big', reason: 'over_budget' },
    ]);
    expect(r.contextTokens).toBe(tokens + 8 + countTokens('A short one.', 'gpt-4o') + 8);
    expect(r.contextTokens).toBeLessThanOrEqual(r.budget);
    expect(r.promptTokens).toBe(fixed + r.contextTokens);
    expect(r.included[0]?.tokens).toBe(tokens);
  });

  it('drops empty passages and repeated ids', () => {
    const r = fitContext({
      model: 'gpt-4o-mini',
      maxOutputTokens: 10,
      system,
      question,
      passages: [
        { id: 'e', text: ' \n\t', score: 1 },
        { id: 'x', text: 'One.', score: 0.5 },
        { id: 'x', text: 'Two.', score: 0.4 },
      ],
    });
    expect(r.included.map((p) => p.text)).toEqual(['One.']);
    expect(r.dropped).toEqual([
      { id: 'e', reason: 'empty' },
      { id: 'x', reason: 'duplicate' },
    ]);
  });

  it('leaves a budget of 0 when the question alone fills a small model', () => {
    const registry = createModelRegistry([{ name: 'tiny', kind: 'chat', contextWindow: 40, maxOutputTokens: 20 }]);
    const r = fitContext({
      model: 'tiny',
      registry,
      maxOutputTokens: 20,
      system,
      question,
      passages: [{ id: 'p', text: 'Some text.', score: 1 }],
    });
    expect(r.budget).toBe(0);
    expect(r.dropped).toEqual([{ id: 'p', reason: 'over_budget' }]);
  });

  it('throws for an unknown model', () => {
    expect(() => fitContext({ model: 'nope', maxOutputTokens: 1, system, question, passages: [] })).toThrow(/nope/);
  });
});
