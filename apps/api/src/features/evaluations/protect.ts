import type { CacheCalibrationPayload, EvaluationPayload } from '@llmops/contracts';
import { protectCalibration, protectEvaluation, type Protect } from '@llmops/eval';
import { pseudonymize } from '@llmops/pii';
import type { SubmissionContext } from '../../deps';

/** Pseudonymizes with the tenant's PII policy and the job as the vault scope (none without platform services). */
function protector(context: SubmissionContext): Protect | undefined {
  const services = context.services;
  if (!services) return undefined;
  const policy = services.piiPolicyFor(context.tenant);
  return async (text) => (await pseudonymize(text, { scope: context.jobId, policy, vault: services.vault })).text;
}

/** An evaluation's job payload: its free texts pseudonymized (see protectEvaluation in @llmops/eval). */
export async function toEvaluationPayload(body: unknown, context: SubmissionContext): Promise<unknown> {
  const protect = protector(context);
  return protect ? protectEvaluation(body as EvaluationPayload, protect) : body;
}

/** A calibration's job payload: its labelled pairs pseudonymized. */
export async function toCalibrationPayload(body: unknown, context: SubmissionContext): Promise<unknown> {
  const protect = protector(context);
  return protect ? protectCalibration(body as CacheCalibrationPayload, protect) : body;
}
