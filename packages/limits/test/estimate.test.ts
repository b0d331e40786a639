import { EvaluationPayload, type InferenceItem } from '@llmops/contracts';
import { chunkText, countChatTokens, countTokens, countWithEncoding, defaultModelRegistry } from '@llmops/tokens';
import { describe, expect, it } from 'vitest';
import { estimateCalibration, estimateEvaluation, estimateInference, estimateIngest, JUDGE_PROMPT_OVERHEAD_TOKENS, limitsFor, workProblem } from '../src/index';

const registry = defaultModelRegistry;
// gpt-4o-mini: $0.15 / $0.60 per M tokens = 150 / 600 nano-USD per token (batch: 75 / 300);
// text-embedding-3-small: $0.02 per M = 20 nano-USD per token.

describe('work estimator', () => {
  it('counts the tokens the hand counts say', async () => {
    // The facts the cases below are computed from (o200k for gpt-4o-mini, cl100k for embeddings).
    expect(
      countChatTokens(
        [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hi' },
        ],
        'gpt-4o-mini',
      ),
    ).toBe(15);
    expect(countChatTokens([{ role: 'user', content: 'What is 2+2?' }], 'gpt-4o-mini')).toBe(14);
    expect([countTokens('Hi', 'gpt-4o'), countTokens('Hello, world', 'gpt-4o'), countWithEncoding('Hi', 'cl100k_base')]).toEqual([1, 3, 1]);
  });

  const items: InferenceItem[] = [0, 1].map((i) => ({
    id: `i${i}`,
    messages: [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
    ],
  }));
  const payload = { model: 'gpt-4o-mini', parameters: { max_tokens: 100 }, cache: { mode: 'exact' as const, threshold: 0.95 }, mode: 'realtime' as const };

  it('inference: 2 items x (15 prompt + 100 max output), exact cache, no embeddings', async () => {
    const estimate = await estimateInference({ payload, items }, registry);
    expect(estimate).toMatchObject({ jobType: 'inference', items: 2, calls: 2, inputTokens: 30, outputTokens: 200, detail: '2 items x (1 generation)' });
    expect(estimate.costNanoUsd).toBe(30n * 150n + 200n * 600n);
  });

  it('inference: semantic cache and RAG add one embedding of the question each, and the context to the prompt', async () => {
    const estimate = await estimateInference(
      { payload: { ...payload, cache: { mode: 'semantic', threshold: 0.9 }, rag: { collection: 'docs', topK: 5, maxContextTokens: 1_000 } }, items },
      registry,
    );
    // Prompt: 15 + 1,000 context + 32 framing; question "Hi" = 1 cl100k token per embedding.
    expect(estimate).toMatchObject({
      calls: 6,
      inputTokens: 2 * 1_047 + 2 + 2,
      outputTokens: 200,
      detail: '2 items x (1 generation + 1 cache embedding + 1 RAG embedding)',
    });
    expect(estimate.costNanoUsd).toBe(2n * 1_047n * 150n + 200n * 600n + 4n * 20n);
    expect(estimate.byModel.map((w) => [w.model, w.calls])).toEqual([
      ['gpt-4o-mini', 2],
      ['text-embedding-3-small', 4],
    ]);
  });

  it('inference: batch mode is priced at Batch API prices; no max_tokens reserves the model maximum', async () => {
    const estimate = await estimateInference({ payload: { ...payload, mode: 'batch', parameters: {} }, items }, registry);
    expect(estimate.outputTokens).toBe(2 * 16_384);
    expect(estimate.costNanoUsd).toBe(30n * 75n + 2n * 16_384n * 300n);
  });

  it('evaluation: given outputs, 3 samples, one judge and one embedding grader', async () => {
    const evaluation = EvaluationPayload.parse({
      cases: [
        { id: 'c1', input: 'Hi', output: 'Hello, world', expected: 'Hello, world' },
        { id: 'c2', input: 'Hi', output: 'Hello, world', expected: 'Hello, world' },
      ],
      samples: 3,
      graders: [{ type: 'exact' }, { type: 'rubric', rubric: 'correctness' }, { type: 'embedding' }],
    });
    const estimate = await estimateEvaluation(evaluation, registry, { judgeOutputTokens: 100 });
    // Judge prompt: overhead + question "Hi" (1) + expected (3) + output (3); embedding: output + expected, 3 + 3 cl100k tokens.
    const judgeInput = JUDGE_PROMPT_OVERHEAD_TOKENS + 1 + 3 + 3;
    expect(estimate).toMatchObject({ calls: 12, detail: '2 cases x 3 samples x (1 judge calls + 1 embedding calls)' });
    expect(estimate.byModel.map((w) => [w.model, w.kind, w.calls, w.inputTokens, w.outputTokens])).toEqual([
      ['gpt-4o-mini', 'chat', 6, 6 * judgeInput, 600],
      ['text-embedding-3-small', 'embedding', 6, 6 * 6, 0],
    ]);
    expect(estimate.costNanoUsd).toBe(BigInt(6 * judgeInput * 150 + 600 * 600 + 36 * 20));
  });

  it('evaluation: generated outputs are counted at their max tokens, in the generation and in the judge prompt', async () => {
    const evaluation = EvaluationPayload.parse({
      cases: [{ id: 'c1', input: 'What is 2+2?' }],
      generate: { model: 'gpt-4o-mini', maxTokens: 50 },
      samples: 2,
      graders: [{ type: 'rubric', rubric: 'relevance' }],
      judge: { mode: 'batch' },
    });
    const estimate = await estimateEvaluation(evaluation, registry, { judgeOutputTokens: 10 });
    const [generation, judge] = estimate.byModel;
    expect(generation).toMatchObject({ batch: false, calls: 2, inputTokens: 2 * 14, outputTokens: 2 * 50 });
    // relevance judges against the input: no separate question block; the answer is up to 50 tokens.
    expect(judge).toMatchObject({ batch: true, calls: 2, inputTokens: 2 * (JUDGE_PROMPT_OVERHEAD_TOKENS + 7 + 50), outputTokens: 20 });
    expect(estimate.detail).toBe('1 cases x 2 samples x (1 generation + 1 judge calls)');
  });

  it('refuses the 215 KB request (5,000 cases x 20 samples x 20 judges) naming the cap and how it was computed', async () => {
    const body = {
      cases: Array.from({ length: 5_000 }, (_, i) => ({ id: `c${i}`, input: `Is claim ${i} true?` })),
      generate: { model: 'gpt-4o-mini' },
      samples: 20,
      graders: Array.from({ length: 20 }, (_, i) => ({ type: 'rubric', name: `judge-${i}`, rubric: 'relevance' })),
    };
    const size = Buffer.byteLength(JSON.stringify(body));
    expect(size).toBeGreaterThan(200_000);
    expect(size).toBeLessThan(230_000);
    const estimate = await estimateEvaluation(EvaluationPayload.parse(body), registry);
    expect(estimate.calls).toBe(5_000 * 20 * 21);
    expect(workProblem(estimate, limitsFor({}, 'tenant-b').work)).toEqual({
      limit: 'work.maxCallsPerJob',
      cap: 50_000,
      requested: 2_100_000,
      detail: '5000 cases x 20 samples x (1 generation + 20 judge calls)',
    });
  });

  it('ingest: tokens counted exactly, chunks and embedded tokens bounded from above', async () => {
    const text = Array.from({ length: 300 }, (_, i) => `Sentence number ${i} talks about rivers and mountains.`).join(' ');
    const tokens = countWithEncoding(text, 'cl100k_base');
    const estimate = await estimateIngest({ model: 'text-embedding-3-small', documents: [{ text }, { text: '   ' }] }, registry);
    // At least 512/2 - 64 = 192 new tokens per chunk.
    const chunks = Math.ceil(tokens / 192);
    expect(estimate).toMatchObject({ documents: 2, chunks, inputTokens: tokens + chunks * 64, calls: 2 });
    expect(estimate.costNanoUsd).toBe(BigInt((tokens + chunks * 64) * 20));
    const real = chunkText(text, { model: 'text-embedding-3-small', targetTokens: 512, overlapTokens: 64 });
    expect(real.length).toBeLessThanOrEqual(chunks);
    expect(real.reduce((n, c) => n + c.tokens, 0)).toBeLessThanOrEqual(estimate.inputTokens);
  });

  it('names the first cap passed: items, documents, chunks, then calls', async () => {
    const work = { ...limitsFor({}, 't').work, maxItemsPerJob: 1, maxChunksPerRequest: 3 };
    expect(workProblem(await estimateInference({ payload, items }, registry), work)).toEqual({
      limit: 'work.maxItemsPerJob',
      cap: 1,
      requested: 2,
      detail: '2 items',
    });
    const text = 'word' + ' word'.repeat(999);
    expect(workProblem(await estimateIngest({ model: 'text-embedding-3-small', documents: [{ text }] }, registry), work)).toMatchObject({
      limit: 'work.maxChunksPerRequest',
      cap: 3,
      requested: 6,
    });
    expect(workProblem(await estimateInference({ payload, items: items.slice(0, 1) }, registry), work)).toBeUndefined();
  });

  it('inference: gray-band verification adds one small-model call per item; calibration embeds both sides of each pair', async () => {
    const plain = await estimateInference({ payload: { ...payload, cache: { mode: 'semantic', threshold: 0.9 } }, items }, registry);
    const verified = await estimateInference({ payload: { ...payload, cache: { mode: 'semantic', threshold: 0.9, verification: 'below' } }, items }, registry);
    expect(verified.calls).toBe(plain.calls + items.length);
    expect(verified.byModel.find((work) => work.model === 'gpt-4.1-nano')).toMatchObject({
      kind: 'chat',
      calls: items.length,
      outputTokens: 60 * items.length,
    });
    const calibration = await estimateCalibration({ pairs: [{ a: 'hello there', b: 'hi there', same: true }] }, registry);
    expect(calibration).toMatchObject({ calls: 2, inputTokens: 4 });
  });
});
