import { createHash } from 'node:crypto';
import { evaluationJobs, EvaluationCase, platformCatalog, type FineTunePayload, type EvaluationPayload, readJson } from '@llmops/contracts';
import { estimateEvaluation } from '@llmops/limits';
import { createJobQueues, platformKeys, submitJob, TenantJobIndex, type JobQueues } from '@llmops/queue';
import type { ProcessorDeps } from '@llmops/services';
import { readData } from './state';

const RETENTION_SECONDS = 7 * 86_400;
let queues: JobQueues | undefined;

/** Evaluation queue handle of this worker process (producers only). */
function evaluationQueues(deps: ProcessorDeps): JobQueues {
  queues ??= createJobQueues({
    catalog: { evaluation: platformCatalog.evaluation },
    connection: deps.redis,
    prefix: deps.prefix,
    retentionSeconds: RETENTION_SECONDS,
  });
  return queues;
}

/** What became of a submission: the job id, or why it could not be admitted. */
export type Submitted = { jobId: string } | { refused: 'wait' | 'budget'; reason: string };

/**
 * Submits the held-out evaluation of one model as an ordinary evaluation job of the tenant (admitted
 * by its limits, listed in its jobs). The job id derives from the fine-tune job and the role, so a
 * repeated submission after a crash finds the first job instead of adding another.
 */
export async function submitHeldOut(
  deps: ProcessorDeps,
  context: { tenant: string; jobId: string; payload: FineTunePayload },
  role: 'base' | 'tuned',
  model: string,
  baseline?: string,
): Promise<Submitted> {
  const heldOut = context.payload.heldOut!;
  const cases = (await readData(deps, context.jobId, 'held', heldOut.cases)).map((line) => readJson(EvaluationCase, line));
  const body: EvaluationPayload = { cases, generate: { model, temperature: 0 }, graders: heldOut.graders, ...(baseline ? { baseline } : {}) };
  const payload = evaluationJobs.evaluation.payload.parse(body);
  const estimate = await estimateEvaluation(payload, deps.services.registry, { judgeOutputTokens: 300 });
  const keys = platformKeys(deps.prefix);
  try {
    const outcome = await submitJob(
      {
        catalog: platformCatalog,
        queues: evaluationQueues(deps),
        tenantJobs: new TenantJobIndex(deps.redis, keys, RETENTION_SECONDS * 1000),
        redis: deps.redis,
        keys,
        retentionSeconds: RETENTION_SECONDS,
      },
      {
        jobName: 'evaluation',
        tenant: context.tenant,
        payload,
        requestHash: createHash('sha256')
          .update(JSON.stringify({ fineTune: context.jobId, role, payload }))
          .digest('hex'),
        idempotencyKey: `fine-tune:${context.jobId}:${role}`,
        admit: async (ids) => {
          const admitted = await deps.services.limits.admit({
            tenant: context.tenant,
            queue: 'evaluation',
            jobs: ids.map((id) => ({ id, bytes: Buffer.byteLength(JSON.stringify(payload)), estimate })),
          });
          if (!admitted.ok) throw new Refused(admitted.kind === 'budget' ? 'budget' : 'wait', `${admitted.kind}: ${JSON.stringify(admitted.refusal)}`);
          return { priorities: admitted.priorities.map((priority) => priority ?? 0), undo: admitted.undo };
        },
      },
    );
    return { jobId: outcome.jobId };
  } catch (error) {
    if (error instanceof Refused) return { refused: error.kind, reason: error.message };
    throw error;
  }
}

class Refused extends Error {
  constructor(
    readonly kind: 'wait' | 'budget',
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The state of an evaluation job this worker submitted: finished (completed or not) or still going. */
export async function evaluationState(deps: ProcessorDeps, jobId: string): Promise<'completed' | 'failed' | 'running'> {
  const job = await evaluationQueues(deps).get('evaluation').getJob(jobId);
  if (!job) return 'failed';
  const state = await job.getState();
  return state === 'completed' ? 'completed' : state === 'failed' ? 'failed' : 'running';
}
