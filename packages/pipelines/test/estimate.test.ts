import { describe, expect, it } from 'vitest';
import { PipelineDefinition } from '@llmops/contracts';
import { countWithEncoding, defaultModelRegistry } from '@llmops/tokens';
import { estimatePipeline, planPipeline } from '../src/index';

const plan = planPipeline(
  PipelineDefinition.parse({
    inputs: ['q'],
    steps: [
      { id: 'ctx', type: 'retrieve', collection: 'kb', query: '{{input.q}}', maxContextTokens: 500, topK: 5 },
      { id: 'draft', type: 'generate', model: 'gpt-4o-mini', prompt: 'Use {{ctx}} to answer {{input.q}}', parameters: { max_tokens: 200 } },
      { id: 'final', type: 'generate', model: 'gpt-4o-mini', prompt: 'Shorten: {{draft}}', parameters: { max_tokens: 50 }, cache: { mode: 'semantic' } },
    ],
    output: { text: '{{final}}' },
  }),
);

describe('estimatePipeline', () => {
  it('adds up the worst case of every call from exact counts and step bounds', async () => {
    const q = 'How many days of leave do I get?';
    const estimate = await estimatePipeline(plan, [{ q }, { q }], defaultModelRegistry);
    const o200k = (text: string) => countWithEncoding(text, 'o200k_base');
    const ctx = 500 + 5 * 4;
    const draftIn = o200k('Use  to answer ') + ctx + o200k(q) + 12;
    const finalIn = o200k('Shorten: ') + 200 + 12;
    const chat = estimate.byModel.find((work) => work.kind === 'chat')!;
    expect(chat).toMatchObject({ model: 'gpt-4o-mini', calls: 4, inputTokens: 2 * (draftIn + finalIn), outputTokens: 2 * 250 });
    const embedding = estimate.byModel.find((work) => work.kind === 'embedding')!;
    const cl100k = (text: string) => countWithEncoding(text, 'cl100k_base');
    // One retrieval query and one cache lookup of the final prompt per input.
    expect(embedding).toMatchObject({ model: 'text-embedding-3-small', calls: 4, inputTokens: 2 * (cl100k(q) + cl100k('Shorten: ') + 200) });
    expect(estimate).toMatchObject({ items: 2, calls: 8, detail: '2 inputs x (2 generations + 2 embeddings)' });
    // gpt-4o-mini: $0.15 / $0.60 per million = 150 / 600 nano-USD a token; text-embedding-3-small: 20.
    expect(estimate.costNanoUsd).toBe(BigInt(chat.inputTokens * 150 + chat.outputTokens * 600 + embedding.inputTokens * 20));
  });
});
