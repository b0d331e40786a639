import { storedCollectionName } from '@llmops/ingest';
import type { PlatformServices } from '@llmops/services';
import { checkDataset, estimateTraining, type DatasetCheck, type TrainingEstimate, type TrainingExample } from '@llmops/finetune';
import type { EvaluationCase, GraderSpec } from '@llmops/contracts';
import type { ModelInfo } from '@llmops/tokens';
import { HttpError } from '../../http/errors';
import { requireCollection } from '../collections/collection-info';
import type { FineTuneRequest } from './body';

const DEFAULT_PROMPT = 'What does document {{documentId}} say?';
/** Shown at most in a 400's message (all are in details.issues, up to the checker's 100). */
const PROBLEMS_IN_MESSAGE = 10;

/** The chat JSONL a request trains on: its own, or its collection's chunks as examples. */
export async function datasetText(services: PlatformServices, tenant: string, dataset: FineTuneRequest['dataset']): Promise<string> {
  if ('jsonl' in dataset) return dataset.jsonl;
  await requireCollection(services, tenant, dataset.collection);
  const store = services.vectors.forTenant(tenant);
  const stored = storedCollectionName(tenant, dataset.collection);
  const lines: string[] = [];
  for (const [index, documentId] of dataset.documentIds.entries()) {
    const chunks = await store.listByDocument(stored, documentId);
    if (chunks.length === 0)
      throw new HttpError(404, 'not_found', `body.dataset.documentIds.${index}: no such document in the collection`, {
        issues: [{ path: `body.dataset.documentIds.${index}`, message: 'not found' }],
      });
    const question = (dataset.prompt ?? DEFAULT_PROMPT).split('{{documentId}}').join(documentId);
    for (const chunk of chunks) {
      const messages = [
        ...(dataset.system ? [{ role: 'system', content: dataset.system }] : []),
        { role: 'user', content: question },
        { role: 'assistant', content: String(chunk.payload.text ?? '') },
      ];
      lines.push(JSON.stringify({ messages }));
    }
  }
  // Chunk text is stored pseudonymized with the collection's scope: its tokens stay tokens in training.
  return lines.join('\n');
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
 * Checks every line (a 400 listing the bad ones by line number, their text never echoed), keeps the
 * last `heldOut` examples apart, and estimates the training from the rest.
 */
export async function prepareDataset(model: ModelInfo, jsonl: string, request: FineTuneRequest): Promise<PreparedDataset> {
  const held = request.heldOut?.examples ?? 0;
  const check = await checkDataset(jsonl, { model, minExamples: 10 + held });
  if (check.problems.length > 0) {
    const issues = check.problems.map((problem) => ({
      path: 'body.dataset',
      ...(problem.line !== null ? { line: problem.line } : {}),
      message: problem.message,
    }));
    const shown = issues.slice(0, PROBLEMS_IN_MESSAGE).map((issue) => ('line' in issue ? `line ${issue.line}: ${issue.message}` : issue.message));
    const more = issues.length - shown.length + check.moreProblems;
    throw new HttpError(
      400,
      'invalid_dataset',
      `body.dataset: ${issues.length + check.moreProblems} problem(s): ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
      { issues, moreProblems: check.moreProblems },
    );
  }
  const trainCount = check.examples.length - held;
  const datasetTokens = check.tokens.slice(0, trainCount).reduce((sum, tokens) => sum + tokens, 0);
  return {
    check,
    train: check.examples.slice(0, trainCount),
    held: check.examples.slice(trainCount),
    datasetTokens,
    estimate: estimateTraining(model, { examples: trainCount, datasetTokens, epochs: request.epochs }),
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
