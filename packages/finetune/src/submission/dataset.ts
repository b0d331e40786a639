import type { EvaluationCase, GraderSpec } from '@llmops/contracts';
import type { ModelInfo } from '@llmops/tokens';
import { checkDataset, type DatasetCheck, type TrainingExample } from '../dataset';
import { estimateTraining, type TrainingEstimate } from '../estimate';

/** Shown at most in the error's message (all are in `issues`, up to the checker's 100). */
const PROBLEMS_IN_MESSAGE = 10;

/** Lines of the dataset that are not valid examples, by line number (their text never echoed). */
export class DatasetError extends Error {
  readonly kind = 'invalid-dataset' as const;
  constructor(
    message: string,
    readonly issues: { path: string; line?: number; message: string }[],
    /** Problems past the checker's limit, counted but not listed. */
    readonly moreProblems: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The checked dataset split into training examples and held-out cases, with the training estimate. */
export interface PreparedDataset {
  check: DatasetCheck;
  train: TrainingExample[];
  held: TrainingExample[];
  datasetTokens: number;
  estimate: TrainingEstimate;
}

/**
 * Checks every line (a DatasetError listing the bad ones by line number under `path`), keeps the
 * last `heldOut` examples apart, and estimates the training from the rest.
 */
export async function prepareDataset(model: ModelInfo, jsonl: string, options: { heldOut: number; epochs: number; path?: string }): Promise<PreparedDataset> {
  const path = options.path ?? 'dataset';
  const check = await checkDataset(jsonl, { model, minExamples: 10 + options.heldOut });
  if (check.problems.length > 0) {
    const issues = check.problems.map((problem) => ({ path, ...(problem.line !== null ? { line: problem.line } : {}), message: problem.message }));
    const shown = issues.slice(0, PROBLEMS_IN_MESSAGE).map((issue) => (issue.line !== undefined ? `line ${issue.line}: ${issue.message}` : issue.message));
    const more = issues.length - shown.length + check.moreProblems;
    throw new DatasetError(
      `${path}: ${issues.length + check.moreProblems} problem(s): ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
      issues,
      check.moreProblems,
    );
  }
  const trainCount = check.examples.length - options.heldOut;
  const datasetTokens = check.tokens.slice(0, trainCount).reduce((sum, tokens) => sum + tokens, 0);
  return {
    check,
    train: check.examples.slice(0, trainCount),
    held: check.examples.slice(trainCount),
    datasetTokens,
    estimate: estimateTraining(model, { examples: trainCount, datasetTokens, epochs: options.epochs }),
  };
}

/** What a dry run answers, and a real submission's 202 carries: the counts, tokens and estimate. */
export function datasetSummary(model: ModelInfo, prepared: PreparedDataset, epochs: number) {
  return {
    baseModel: model.name,
    examples: prepared.check.examples.length,
    trainingExamples: prepared.train.length,
    heldOutExamples: prepared.held.length,
    tokens: { dataset: prepared.datasetTokens, training: prepared.estimate.trainingTokens, largestExample: Math.max(...prepared.check.tokens) },
    trainingContextTokens: model.fineTuning!.trainingContextTokens,
    estimate: { usd: prepared.estimate.usd, trainingPerMTok: prepared.estimate.trainingPerMTok, epochs },
  };
}

/** A held-out example as an evaluation case: the last user turn asks, the last assistant turn is expected. */
export function caseOf(example: TrainingExample, index: number): EvaluationCase {
  const messages = example.messages;
  const answerAt = messages.map((message) => message.role).lastIndexOf('assistant');
  const question =
    messages
      .slice(0, answerAt)
      .filter((message) => message.role === 'user')
      .at(-1)?.content ?? '';
  const system = messages
    .filter((message) => message.role === 'system')
    .map((message) => message.content)
    .join('\n');
  return { id: `heldout-${index}`, input: question, expected: messages[answerAt]!.content, ...(system ? { context: system } : {}) };
}

/** Default held-out grading: the judge's correctness against the expected answer. */
export const DEFAULT_GRADERS: GraderSpec[] = [{ type: 'rubric', rubric: 'correctness' }];
