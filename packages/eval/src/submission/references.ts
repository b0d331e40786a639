import type { EvaluationPayload } from '@llmops/contracts';
import { graderProblems, type GraderProblem } from '../grader-problems';
import type { PipelineGeneratorSpec } from '../job/types';

/**
 * Where an evaluation's references are looked up, wired by the API to its model registry, the
 * tenant's fine-tunes, saved pipelines and queues. Each throws (naming `path`) when the reference
 * does not resolve.
 */
export interface EvaluationReferenceChecks {
  /** A chat model the tenant may use: a known model, or one of its own fine-tunes. */
  tenantChatModel(model: string, path: string): Promise<void>;
  /** A known embedding model. */
  embeddingModel(model: string, path: string): void | Promise<void>;
  /** A saved pipeline version of the tenant that can run. */
  pipelineVersion(ref: PipelineGeneratorSpec, path: string): Promise<void>;
  /** A completed evaluation of the same tenant. */
  completedEvaluation(jobId: string, path: string): Promise<void>;
}

/** Grader patterns or schemas the worker could not grade with; `issues` name each field by its request path. */
export class InvalidGradersError extends Error {
  constructor(readonly issues: readonly GraderProblem[]) {
    super(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '));
    this.name = 'InvalidGradersError';
  }
}

/**
 * Everything an evaluation refers to must exist before it is accepted -- its models, its generating
 * pipeline, its baseline -- and its grader patterns and schemas must compile in the worker's
 * linear-time engine with its limits (else InvalidGradersError): refused now, not a failed job later.
 * `where` is the payload's path in the request (`body`, or `body.jobs.3` in a bulk request).
 */
export async function checkEvaluationReferences(payload: EvaluationPayload, checks: EvaluationReferenceChecks, where = 'body'): Promise<void> {
  if (payload.generate) await checks.tenantChatModel(payload.generate.model, `${where}.generate.model`);
  if (payload.generate?.pipeline) await checks.pipelineVersion(payload.generate.pipeline, `${where}.generate.pipeline`);
  if (payload.judge?.model) await checks.tenantChatModel(payload.judge.model, `${where}.judge.model`);
  if (payload.embeddingModel) await checks.embeddingModel(payload.embeddingModel, `${where}.embeddingModel`);
  for (const [index, grader] of payload.graders.entries()) {
    if (grader.type === 'embedding' && grader.model) await checks.embeddingModel(grader.model, `${where}.graders.${index}.model`);
  }
  const problems = graderProblems(payload.graders).map((problem) => ({ path: `${where}.${problem.path}`, message: problem.message }));
  if (problems.length > 0) throw new InvalidGradersError(problems);
  if (payload.baseline) await checks.completedEvaluation(payload.baseline, `${where}.baseline`);
}
