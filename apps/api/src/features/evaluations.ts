import { evaluationJobs, type CacheCalibrationPayload, type EvaluationPayload } from '@llmops/contracts';
import { graderProblems, JUDGE_MAX_TOKENS } from '@llmops/eval';
import { estimateCalibration, estimateEvaluation } from '@llmops/limits';
import type { CheckContext, Feature } from '../deps';
import { protectCalibration, protectEvaluation } from './evaluations/protect';
import { getEvaluationResults, PageQuery } from './evaluations/results';
import { ResultPage } from '../schemas/jobs';
import { HttpError } from '../http/errors';
import { requireCompletedJob, requireModel, requireTenantModel } from '../submission/references';
import { requirePipelineVersion } from './pipelines/references';

const evaluation = evaluationJobs.evaluation;
const calibration = evaluationJobs['cache-calibration'];

/**
 * Everything an evaluation refers to must exist before it is accepted: its models, its baseline (a
 * completed evaluation of the same tenant) and compilable grader patterns and schemas -- a 400/404
 * now, not a failed job later.
 */
async function checkEvaluation(body: unknown, context: CheckContext, where = 'body'): Promise<void> {
  const payload = body as EvaluationPayload;
  if (payload.generate) await requireTenantModel(context, payload.generate.model, 'chat', `${where}.generate.model`);
  if (payload.generate?.pipeline) await requirePipelineVersion(context, payload.generate.pipeline, `${where}.generate.pipeline`);
  if (payload.judge?.model) await requireTenantModel(context, payload.judge.model, 'chat', `${where}.judge.model`);
  if (payload.embeddingModel) requireModel(context.services, payload.embeddingModel, 'embedding', `${where}.embeddingModel`);
  payload.graders.forEach((grader, index) => {
    if (grader.type === 'embedding' && grader.model) requireModel(context.services, grader.model, 'embedding', `${where}.graders.${index}.model`);
  });
  // Patterns and schemas compile in the worker's linear-time engine, with its limits, or the request is refused.
  const problems = graderProblems(payload.graders).map((problem) => ({ path: `${where}.${problem.path}`, message: problem.message }));
  if (problems.length > 0) {
    throw new HttpError(400, 'invalid_request', problems.map((problem) => `${problem.path}: ${problem.message}`).join('; '), { issues: problems });
  }
  if (payload.baseline) await requireCompletedJob(context.queues, evaluation.queue, context.tenant, payload.baseline, `${where}.baseline`);
}

async function checkCalibration(body: unknown, context: CheckContext, where = 'body'): Promise<void> {
  const payload = body as CacheCalibrationPayload;
  if (payload.model) requireModel(context.services, payload.model, 'embedding', `${where}.model`);
}

/**
 * The evaluations routes: `POST /v1/evaluations` (graders, judges, samples, baseline comparison) and
 * `POST /v1/cache/calibrations` (threshold table for the semantic cache). Reports are the jobs'
 * results (`GET /v1/jobs/{id}`), per-sample grades their item results.
 */
export const evaluationsFeature: Feature = {
  routes: (deps) => [
    {
      method: 'get',
      path: '/v1/evaluations/:id/results',
      summary: "Per-sample outputs and grades with the owner's personal data restored, paginated with a cursor",
      guard: 'tenant',
      handler: getEvaluationResults(deps),
      operationId: 'listEvaluationResults',
      query: PageQuery,
      response: { 200: ResultPage },
      responses: {
        200: 'a page of item results',
        400: 'bad cursor or limit',
        401: 'missing or unknown API key',
        404: 'no such evaluation job for this tenant',
      },
    },
  ],
  submissions: [
    {
      path: '/v1/evaluations',
      job: evaluation.queue,
      summary: evaluation.description,
      body: evaluation.payload,
      toPayload: protectEvaluation,
      check: checkEvaluation,
      // Verdicts are bounded by the judge's max_tokens, so a judge call's hold is small.
      estimate: (body, services) => estimateEvaluation(body as EvaluationPayload, services.registry, { judgeOutputTokens: JUDGE_MAX_TOKENS }),
    },
    {
      path: '/v1/cache/calibrations',
      job: calibration.queue,
      summary: calibration.description,
      body: calibration.payload,
      toPayload: protectCalibration,
      check: checkCalibration,
      estimate: (body, services) => estimateCalibration(body as CacheCalibrationPayload, services.registry),
    },
  ],
};
