import { describe, expect, it } from 'vitest';
import { countChatTokens, createModelRegistry, defaultModelRegistry } from '@llmops/tokens';
import { checkDataset, estimateTraining, NotTunableError } from '../src/index';

const model = defaultModelRegistry.require('gpt-4o-mini');
const example = (i: number) =>
  JSON.stringify({
    messages: [
      { role: 'system', content: 'You answer HR questions.' },
      { role: 'user', content: `How many days of leave in year ${i}?` },
      { role: 'assistant', content: `${20 + i} days.` },
    ],
  });

describe('checkDataset', () => {
  it('counts every valid example with the model tokenizer and skips blank lines', async () => {
    const jsonl = Array.from({ length: 12 }, (_, i) => example(i)).join('\n') + '\n\n';
    const check = await checkDataset(jsonl, { model });
    expect(check.problems).toEqual([]);
    expect(check.examples).toHaveLength(12);
    expect(check.tokens[0]).toBe(countChatTokens(JSON.parse(example(0)).messages, 'gpt-4o-mini'));
    expect(check.totalTokens).toBe(check.tokens.reduce((a, b) => a + b, 0));
  });

  it('reports each bad line by its number, without echoing its text', async () => {
    const secret = 'jane.doe@acme.example';
    const lines = [
      example(1),
      `{"messages": [{"role": "user", "content": "${secret}"`,
      JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }),
      JSON.stringify({
        messages: [
          { role: 'user', content: 'hi' },
          { role: 'assistant', content: '   ' },
        ],
      }),
      JSON.stringify({ messages: [{ role: 'robot', content: secret }] }),
      JSON.stringify({
        messages: [
          { role: 'user', content: 'q' },
          { role: 'assistant', content: 'a' },
        ],
        [secret]: 1,
      }),
      JSON.stringify({
        messages: [
          { role: 'user', content: 'q' },
          { role: 'system', content: 's' },
          { role: 'assistant', content: 'a' },
        ],
      }),
      '',
      example(1),
      JSON.stringify({
        messages: [
          { role: 'user', content: 'word '.repeat(70_000) },
          { role: 'assistant', content: 'a' },
        ],
      }),
    ].join('\n');
    const check = await checkDataset(lines, { model, minExamples: 1 });
    expect(check.problems).toEqual([
      { line: 2, message: 'not valid JSON' },
      { line: 3, message: 'no assistant turn to learn from' },
      { line: 4, message: 'messages.1: empty content' },
      { line: 5, message: expect.stringMatching(/^messages\.0\.role: /) },
      { line: 6, message: '1 unknown field(s) (allowed: messages; role, content, name, weight)' },
      { line: 7, message: 'system messages must come before the conversation' },
      { line: 9, message: 'duplicates line 1' },
      { line: 10, message: expect.stringMatching(/^\d+ tokens; gpt-4o-mini trains on at most 65536 per example$/) },
    ]);
    expect(JSON.stringify(check.problems)).not.toContain('jane');
    expect(check.examples).toHaveLength(1);
  });

  it('needs enough examples, and applies the PII policy before counting', async () => {
    const check = await checkDataset(example(1), { model, protect: async (text) => text.replace('HR', '<ORG_1>') });
    expect(check.problems).toEqual([{ line: null, message: '1 valid examples; fine-tuning needs at least 10' }]);
    expect(check.lines[0]).toContain('<ORG_1>');
  });
});

describe('estimateTraining', () => {
  it('is dataset tokens x epochs x the training price', () => {
    const estimate = estimateTraining(model, { examples: 100, datasetTokens: 123_456, epochs: 3 });
    // 370,368 tokens x $3.00 per million = $1.111104
    expect(estimate).toMatchObject({ trainingTokens: 370_368, trainingPerMTok: '3.00', usd: '1.111104000' });
  });

  it('refuses a model without a training price', () => {
    expect(() => estimateTraining(defaultModelRegistry.require('o3'), { examples: 1, datasetTokens: 1, epochs: 1 })).toThrow(NotTunableError);
    const local = createModelRegistry([{ name: 'local', kind: 'chat', contextWindow: 100 }]).require('local');
    expect(() => estimateTraining(local, { examples: 1, datasetTokens: 1, epochs: 1 })).toThrow(/no fine-tuning price/);
  });
});
