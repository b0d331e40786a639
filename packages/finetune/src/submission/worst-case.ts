import type { EvaluationCase, EvaluationPayload, GraderSpec } from '@llmops/contracts';
import { estimateEvaluation, type WorkEstimate } from '@llmops/limits';
import type { ModelInfo, ModelRegistry } from '@llmops/tokens';
import type { PreparedDataset } from './dataset';

/** The held-out set as the two evaluations will run it. */
export interface HeldOut {
  cases: EvaluationCase[];
  graders: GraderSpec[];
}

/**
 * The worst case the tenant's limits hold at submit: the training at its estimate, and both held-out
 * evaluations (the tuned one at tuned prices). `judgeOutputTokens` is the judge's output cap.
 */
export async function fineTuneWorstCase(
  registry: ModelRegistry,
  model: ModelInfo,
  prepared: PreparedDataset,
  held: HeldOut | undefined,
  options: { judgeOutputTokens: number },
): Promise<WorkEstimate> {
  const training = {
    model: model.name,
    kind: 'chat' as const,
    batch: false,
    calls: 1,
    inputTokens: prepared.estimate.trainingTokens,
    outputTokens: 0,
    costNanoUsd: prepared.estimate.nanoUsd,
  };
  const evaluations = held
    ? await Promise.all(
        [model.name, `ft:${model.name}:estimate::held-out`].map((generator) =>
          estimateEvaluation(
            { cases: held.cases, generate: { model: generator, temperature: 0 }, graders: held.graders } satisfies EvaluationPayload,
            registry,
            options,
          ),
        ),
      )
    : [];
  const byModel = [training, ...evaluations.flatMap((estimate) => estimate.byModel)];
  return {
    // The limits have no fine-tune kind; the work is calls, tokens and dollars like inference's.
    jobType: 'fine-tune',
    calls: byModel.reduce((sum, work) => sum + work.calls, 0),
    inputTokens: byModel.reduce((sum, work) => sum + work.inputTokens, 0),
    outputTokens: byModel.reduce((sum, work) => sum + work.outputTokens, 0),
    costNanoUsd: byModel.reduce((sum, work) => sum + work.costNanoUsd, 0n),
    byModel,
    detail: `1 training of ${prepared.train.length} examples x ${prepared.estimate.epochs} epochs${held ? ` + 2 evaluations of ${held.cases.length} held-out cases` : ''}`,
  };
}
