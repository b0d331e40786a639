import { evaluationJobs, type CacheCalibrationPayload, type EvaluationPayload } from '@llmops/contracts';
import { schemaProblem } from '@llmops/eval';
import { pseudonymize } from '@llmops/pii';
import type { CheckContext, Feature, SubmissionContext } from '../deps';
import { HttpError } from '../http/errors';
import { requireCompletedJob, requireModel } from '../submission/references';

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

/**
 * Everything an evaluation refers to must exist before it is accepted: its models, its baseline (a
 * completed evaluation of the same tenant) and compilable grader patterns and schemas -- a 400/404
 * now, not a failed job later.
 */
async function checkEvaluation(body: unknown, context: CheckContext, where = 'body'): Promise<void> {
  const payload = body as EvaluationPayload;
  if (payload.generate) requireModel(context.services, payload.generate.model, 'chat', `${where}.generate.model`);
  if (payload.judge?.model) requireModel(context.services, payload.judge.model, 'chat', `${where}.judge.model`);
  if (payload.embeddingModel) requireModel(context.services, payload.embeddingModel, 'embedding', `${where}.embeddingModel`);
  payload.graders.forEach((grader, index) => {
    const path = `${where}.graders.${index}`;
    if (grader.type === 'embedding' && grader.model) requireModel(context.services, grader.model, 'embedding', `${path}.model`);
    const problem = grader.type === 'json-schema' ? schemaProblem(grader.schema) : grader.type === 'regex' ? regexProblem(grader.pattern, grader.flags) : null;
    if (problem) {
      const field = `${path}.${grader.type === 'regex' ? 'pattern' : 'schema'}`;
      throw new HttpError(400, 'invalid_request', `${field}: ${problem}`, { issues: [{ path: field, message: problem }] });
    }
  });
  if (payload.baseline) await requireCompletedJob(context.queues, evaluation.queue, context.tenant, payload.baseline, `${where}.baseline`);
}

function regexProblem(pattern: string, flags: string | undefined): string | null {
  try {
    new RegExp(pattern, flags ?? '');
    return null;
  } catch {
    return 'not a valid regular expression';
  }
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
  submissions: [
    {
      path: '/v1/evaluations',
      job: evaluation.queue,
      summary: evaluation.description,
      body: evaluation.payload,
      toPayload: preparePayload,
      check: checkEvaluation,
    },
    {
      path: '/v1/cache/calibrations',
      job: calibration.queue,
      summary: calibration.description,
      body: calibration.payload,
      check: checkCalibration,
    },
  ],
};
