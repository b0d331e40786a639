import { evaluationJobs } from '@llmops/contracts';
import { schemaProblem } from '@llmops/eval';
import { pseudonymize } from '@llmops/pii';
import type { Feature, SubmissionContext } from '../deps';
import { HttpError } from '../http/errors';

const evaluation = evaluationJobs.evaluation;
const calibration = evaluationJobs['cache-calibration'];

type CaseText = { input: string; expected?: string; context?: string; output?: string };

/**
 * Checks grader schemas, then pseudonymizes every case's text with the job as the vault scope, so the
 * payload in Redis, the provider (generation, judge) and the stored grades carry tokens such as
 * <EMAIL_1> instead of personal data. Tokens are stable within the job, so an expected answer and an
 * output that name the same person still match.
 */
async function preparePayload(body: unknown, context: SubmissionContext): Promise<unknown> {
  checkSchemas(body);
  const services = context.services;
  if (!services) return body;
  const policy = services.piiPolicyFor(context.tenant);
  const safe = (text: string | undefined) =>
    text === undefined ? undefined : pseudonymize(text, { scope: context.jobId, policy, vault: services.vault }).then((result) => result.text);
  const typed = body as { cases: (CaseText & Record<string, unknown>)[] };
  const cases = await Promise.all(
    typed.cases.map(async (kase) => {
      const [input, expected, caseContext, output] = await Promise.all([safe(kase.input), safe(kase.expected), safe(kase.context), safe(kase.output)]);
      return Object.fromEntries(Object.entries({ ...kase, input, expected, context: caseContext, output }).filter(([, value]) => value !== undefined));
    }),
  );
  return { ...typed, cases };
}

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
      toPayload: preparePayload,
    },
    {
      path: '/v1/cache/calibrations',
      job: calibration.queue,
      summary: calibration.description,
      body: calibration.payload,
    },
  ],
};
