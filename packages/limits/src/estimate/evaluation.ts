import { createPacer } from './pace';
import type { EvaluationPayload } from '@llmops/contracts';
import { Tally, terms, type ModelRegistryLike, type WorkEstimate } from './tally';

export interface EvaluationEstimateOptions {
  /** Output tokens assumed per judge verdict. Default: the judge model's maximum output (the true worst case; verdicts are short, so e.g. 300 reserves far less). */
  judgeOutputTokens?: number;
  /** Output tokens of a model the registry does not know, when no max is set. Default 4,096. */
  unknownModelMaxOutput?: number;
}

/**
 * Tokens of the judge prompt besides the case's own text: the instructions, the rubric's criteria
 * (built-in ones are ~30 tokens), the block tags and the verdict's JSON schema. An upper estimate: the
 * prompt itself is built by @llmops/eval, which this package cannot import.
 */
export const JUDGE_PROMPT_OVERHEAD_TOKENS = 400;

const defaults = { judgeModel: 'gpt-4o-mini', embeddingModel: 'text-embedding-3-small' } as const;

/**
 * Worst case of an evaluation: every case x sample is generated (when it has no output) with its max
 * tokens, judged once by every rubric grader and embedded (output + expected) by every embedding
 * grader. Verdicts retried because they were malformed (`judge.maxAttempts`) are not counted; dedupe
 * of identical judge prompts is not assumed.
 */
export async function estimateEvaluation(
  payload: EvaluationPayload,
  registry: ModelRegistryLike,
  options: EvaluationEstimateOptions = {},
): Promise<WorkEstimate> {
  const tally = new Tally(registry);
  const fallback = options.unknownModelMaxOutput ?? 4_096;
  const samples = payload.samples ?? 1;
  const cases = payload.cases.length;
  const generate = payload.generate;
  const judgeModel = payload.judge?.model ?? defaults.judgeModel;
  const judgeBatch = payload.judge?.mode === 'batch';
  const judgeOutput = options.judgeOutputTokens ?? tally.maxOutput(judgeModel, fallback);
  const genOutput = generate ? (generate.maxTokens ?? tally.maxOutput(generate.model, fallback)) : 0;
  const rubrics = payload.graders.filter((g) => g.type === 'rubric');
  const embedders = payload.graders.filter((g) => g.type === 'embedding');

  let generated = 0;
  const pace = createPacer();
  for (const kase of payload.cases) {
    await pace();
    // A generated output is as long as the generation may be: count it at its max, in the judge's tokens.
    const outputTokens = (model: string) => (kase.output === undefined ? genOutput : tally.countText(kase.output, model));
    if (kase.output === undefined && generate) {
      generated++;
      const messages = [...(generate.system ? [{ role: 'system', content: generate.system }] : []), { role: 'user', content: kase.input }];
      tally.add(generate.model, 'chat', false, samples, samples * tally.countChat(messages, generate.model), samples * genOutput);
    }
    for (const grader of rubrics) {
      const rubric = grader.type === 'rubric' ? grader.rubric : 'correctness';
      const reference =
        typeof rubric === 'string' ? ({ faithfulness: 'context', relevance: 'input', correctness: 'expected' } as const)[rubric] : rubric.reference;
      const criteria = typeof rubric === 'string' ? 0 : tally.countText(rubric.criteria, judgeModel);
      const question = reference === 'input' ? 0 : tally.countText(kase.input, judgeModel);
      const refText = reference === 'none' ? 0 : tally.countText(kase[reference], judgeModel);
      const input = JUDGE_PROMPT_OVERHEAD_TOKENS + criteria + question + refText + outputTokens(judgeModel);
      tally.add(judgeModel, 'chat', judgeBatch, samples, samples * input, samples * judgeOutput);
    }
    for (const grader of embedders) {
      const model = (grader.type === 'embedding' ? grader.model : undefined) ?? payload.embeddingModel ?? defaults.embeddingModel;
      tally.add(model, 'embedding', false, samples, samples * (outputTokens(model) + tally.countText(kase.expected, model)), 0);
    }
  }
  const perSample = terms([
    [generated === cases ? 1 : 0, 'generation'],
    [rubrics.length, 'judge calls'],
    [embedders.length, 'embedding calls'],
  ]);
  const parts = [perSample ? `${cases} cases x ${samples} samples x (${perSample})` : ''];
  if (generated > 0 && generated < cases) parts.push(`${generated} cases without output x ${samples} samples x 1 generation`);
  return tally.finish('evaluation', parts.filter(Boolean).join(' + ') || `${cases} cases, no provider calls`);
}
