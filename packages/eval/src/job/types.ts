import type { evaluationJobs, PayloadOf } from '@llmops/contracts';
import type { SampleGrade } from '../report';
import { FatalError } from '@llmops/llm';
import type { PlatformServices } from '@llmops/services';

export type EvaluationPayload = PayloadOf<typeof evaluationJobs, 'evaluation'>;
export type EvaluationCase = EvaluationPayload['cases'][number];
export type GraderSpec = EvaluationPayload['graders'][number];
export type Llm = PlatformServices['llm'];

/** The payload's `generate.pipeline`: a saved pipeline version generates the outputs. */
export type PipelineGeneratorSpec = NonNullable<NonNullable<EvaluationPayload['generate']>['pipeline']>;

/**
 * The output a saved pipeline version gives for one case input, its steps billed to the evaluation
 * with ledger keys under `key`. A port the worker wires in: pipelines run through the semantic cache,
 * which depends on this package, so this package cannot import them.
 */
export type PipelineGenerator = (spec: PipelineGeneratorSpec, input: string, scope: CallScope, key: string) => Promise<{ output: string; costNano: bigint }>;

/** What preparing an item calls out to. */
export interface ItemDeps {
  llm: Llm;
  /** Needed only by payloads with `generate.pipeline`. */
  generateWithPipeline?: PipelineGenerator;
}

/** The tenant and job every model call is charged to. */
export interface CallScope {
  tenant: string;
  jobId: string;
  signal: AbortSignal;
}

/** One case x sample being worked on. */
export interface WorkItem {
  id: string;
  index: number;
  kase: EvaluationCase;
  sample: number;
}

/** A work item after its output and model-free grades, waiting for its judge verdicts. */
export interface PreparedItem extends WorkItem {
  output: string;
  grades: Record<string, SampleGrade>;
  /** nano-USD spent on this item so far. */
  costNano: bigint;
}

/** Judge calls made by this attempt (the report's request counts). */
export interface JudgeCounters {
  gradesRequested: number;
  requests: number;
  batchLines: number;
  malformedRetries: number;
}

export const jobType = 'evaluation';

/** The name a grader is reported under (mirrors graderNameOf in the catalog). */
export function graderName(grader: GraderSpec): string {
  if (grader.name) return grader.name;
  if (grader.type === 'rubric') return typeof grader.rubric === 'string' ? grader.rubric : grader.rubric.name;
  return grader.type;
}

/**
 * A permanent refusal of this one call (its input): recorded as that grade's error and the job goes
 * on. Refusals that stop the job (`stopsJob`: credentials, model, credit, the tenant's budget) are not.
 */
export const isFatal = (error: unknown): error is FatalError => error instanceof FatalError && !error.stopsJob;
