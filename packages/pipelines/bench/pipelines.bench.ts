// `pnpm bench pipelines`: what a pipeline's own machinery costs, apart from model calls: checking a
// definition, rendering templates, the submit-time estimate over many inputs, the per-input engine
// with instant ports, and how fast an oversized render is refused. Prints one line per figure.
import { PipelineDefinition, type PipelineInput } from '@llmops/contracts';
import { defaultModelRegistry } from '@llmops/tokens';
import { checkPipeline, estimatePipeline, parseTemplate, planPipeline, renderTemplate, RenderLimitError, runInput, type PipelinePorts } from '../src/index';

const time = async <T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> => {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
};

// A 50-step chain: each step reads the one before it and the input.
const long = PipelineDefinition.parse({
  inputs: ['q'],
  steps: Array.from({ length: 50 }, (_, i) => ({ id: `s${i}`, type: 'prompt', template: `Step ${i}: {{input.q}} ${i > 0 ? `{{s${i - 1}}}` : ''}` })),
  output: { last: '{{s49}}' },
});
const checks = await time(() => {
  for (let i = 0; i < 1_000; i++) checkPipeline(long);
});
console.log(`check + plan a 50-step definition: ${(checks.ms / 1_000).toFixed(3)} ms each`);

const template = parseTemplate(Array.from({ length: 20 }, (_, i) => `Part ${i}: {{input.v${i}}}`).join('\n'));
const value = 'x'.repeat(2_000);
const renders = await time(() => {
  let chars = 0;
  for (let i = 0; i < 5_000; i++) {
    const out = renderTemplate(template, () => value);
    // Reading a character makes V8 flatten the concatenation, so the copy is measured too.
    chars += out.charCodeAt(out.length - 1) > 0 ? out.length : 0;
  }
  return chars;
});
console.log(
  `render a template of 20 placeholders x 2 KB: ${(renders.value / 1e6 / (renders.ms / 1_000)).toFixed(0)} MB/s (${(renders.ms / 5_000).toFixed(3)} ms each)`,
);

const huge = 'y'.repeat(300_000);
const refused = await time(() => {
  try {
    renderTemplate(parseTemplate('{{a}}'.repeat(100)), () => huge);
  } catch (error) {
    if (!(error instanceof RenderLimitError)) throw error;
  }
});
console.log(`refuse a render of 100 x 300 KB (30 MB asked, 400 KB allowed): ${refused.ms.toFixed(2)} ms`);

const triage = planPipeline(
  PipelineDefinition.parse({
    inputs: ['ticket'],
    steps: [
      { id: 'summary', type: 'generate', model: 'gpt-4o-mini', prompt: 'Summarize: {{input.ticket}}', parameters: { max_tokens: 60 } },
      {
        id: 'category',
        type: 'generate',
        model: 'gpt-4o-mini',
        prompt: 'Classify: {{input.ticket}}',
        schema: { type: 'object', properties: { label: { type: 'string' } } },
      },
      { id: 'check', type: 'validate', from: '{{summary}}', pattern: 'simulated' },
      { id: 'reply', type: 'generate', model: 'gpt-4o-mini', prompt: 'Reply about {{summary}} ({{category.label}})', parameters: { max_tokens: 80 } },
    ],
    output: { reply: '{{reply}}' },
  }),
);
const inputs: PipelineInput[] = Array.from({ length: 10_000 }, (_, i) => ({
  ticket: `Invoice ${i} was charged twice for order ${1000 + i}; the customer asks for a refund and a confirmation by mail. `.repeat(2),
}));
const estimate = await time(() => estimatePipeline(triage, inputs, defaultModelRegistry));
console.log(
  `estimate 10,000 inputs x 4 steps (exact token counts): ${estimate.ms.toFixed(0)} ms; ${estimate.value.calls} calls, $${(Number(estimate.value.costNanoUsd) / 1e9).toFixed(4)} worst case`,
);

const instant: PipelinePorts = {
  generate: async (call) => ({
    text: call.schema ? '{"label":"billing"}' : 'a simulated summary',
    cache: 'off',
    usage: { inputTokens: 1, outputTokens: 1 },
    costNanoUsd: 1n,
  }),
  retrieve: async () => ({ text: '', documents: [], usage: { inputTokens: 0, outputTokens: 0 }, costNanoUsd: 0n }),
};
const engine = await time(async () => {
  for (const [index, input] of inputs.entries()) {
    await runInput({ plan: triage, jobId: 'bench', index, input, run: 'r', done: new Map(), ports: instant, save: async () => {} });
  }
});
console.log(
  `engine, instant ports (schema validation, regex, templates, records): ${(inputs.length / (engine.ms / 1_000)).toFixed(0)} inputs/s (${((engine.ms * 1_000) / inputs.length).toFixed(0)} µs each)`,
);
