import { evaluationJobs } from '@llmops/contracts';
import { schemaProblem } from '@llmops/eval';
import type { Feature } from '../deps';
import { HttpError } from '../http/errors';

const evaluation = evaluationJobs.evaluation;
const calibration = evaluationJobs['cache-calibration'];

/** JSON Schemas of `json-schema` graders must compile: a broken one is a 400 now, not a failed job later. */
function checkSchemas(body: unknown): unknown {
  const graders = (body as { graders: { type: string; schema?: Record<string, unknown> }[] }).graders;
  graders.forEach((grader, index) => {
    if (grader.type !== 'json-schema' || !grader.schema) return;
    const problem = schemaProblem(grader.schema);
    if (problem) {
      const path = `body.graders.${index}.schema`;
      throw new HttpError(400, 'invalid_request', `${path}: ${problem}`, { issues: [{ path, message: problem }] });
    }
  });
  return body;
}

/**
 * The evaluations routes: `POST /v1/evaluations` (graders, judges, samples, baseline comparison) and
 * `POST /v1/cache/calibrations` (threshold table for the semantic cache). Reports are the jobs'
 * results (`GET /v1/jobs/{id}`), per-sample grades their item results.
 */
export const evaluationsFeature: Feature = {
  submissions: [
    {
      path: '/v1/evaluations',
      job: evaluation.queue,
      summary: evaluation.description,
      body: evaluation.payload,
      toPayload: checkSchemas,
    },
    {
      path: '/v1/cache/calibrations',
      job: calibration.queue,
      summary: calibration.description,
      body: calibration.payload,
    },
  ],
};
