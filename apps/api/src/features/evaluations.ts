import { evaluationJobs, type CacheCalibrationPayload, type EvaluationPayload } from '@llmops/contracts';
import { JUDGE_MAX_TOKENS } from '@llmops/eval';
import { estimateCalibration, estimateEvaluation } from '@llmops/limits';
import type { Feature } from '../deps';
import { checkCalibration, checkEvaluation } from './evaluations/check';
import { toCalibrationPayload, toEvaluationPayload } from './evaluations/protect';
import { getEvaluationResults, PageQuery } from './evaluations/results';
import { ResultPage } from '../schemas/jobs';

const evaluation = evaluationJobs.evaluation;
const calibration = evaluationJobs['cache-calibration'];

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
      toPayload: toEvaluationPayload,
      check: checkEvaluation,
      // Verdicts are bounded by the judge's max_tokens, so a judge call's hold is small.
      estimate: (body, services) => estimateEvaluation(body as EvaluationPayload, services.registry, { judgeOutputTokens: JUDGE_MAX_TOKENS }),
    },
    {
      path: '/v1/cache/calibrations',
      job: calibration.queue,
      summary: calibration.description,
      body: calibration.payload,
      toPayload: toCalibrationPayload,
      check: checkCalibration,
      estimate: (body, services) => estimateCalibration(body as CacheCalibrationPayload, services.registry),
    },
  ],
};
