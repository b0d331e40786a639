import { evaluationJobs, type CacheCalibrationPayload, type EvaluationPayload } from '@llmops/contracts';
import { checkEvaluationReferences, InvalidGradersError } from '@llmops/eval';
import type { CheckContext } from '../../deps';
import { HttpError } from '../../http/errors';
import { requireCompletedJob, requireModel, requireTenantModel } from '../../submission/references';
import { requirePipelineVersion } from '../pipelines/references';

/** An evaluation's references (see checkEvaluationReferences in @llmops/eval): a 400/404 naming the field. */
export async function checkEvaluation(body: unknown, context: CheckContext, where = 'body'): Promise<void> {
  const checks = {
    tenantChatModel: (model: string, path: string) => requireTenantModel(context, model, 'chat', path),
    embeddingModel: (model: string, path: string) => requireModel(context.services, model, 'embedding', path),
    pipelineVersion: (ref: Parameters<typeof requirePipelineVersion>[1], path: string) => requirePipelineVersion(context, ref, path),
    completedEvaluation: (jobId: string, path: string) => requireCompletedJob(context.queues, evaluationJobs.evaluation.queue, context.tenant, jobId, path),
  };
  try {
    await checkEvaluationReferences(body as EvaluationPayload, checks, where);
  } catch (error) {
    if (error instanceof InvalidGradersError) throw new HttpError(400, 'invalid_request', error.message, { issues: error.issues });
    throw error;
  }
}

/** A calibration's embedding model, when it names one, must be known. */
export async function checkCalibration(body: unknown, context: CheckContext, where = 'body'): Promise<void> {
  const payload = body as CacheCalibrationPayload;
  if (payload.model) requireModel(context.services, payload.model, 'embedding', `${where}.model`);
}
