import { llmKeyPrefix, type FineTunePayload, type FineTuneResult, readJson } from '@llmops/contracts';
import { BudgetExhaustedError, createRouter, createUsageLedger, FatalError } from '@llmops/llm';
import { NonRetriableError, StepWait, type JobContext } from '@llmops/queue';
import { recordUsageCounters } from '@llmops/services';
import { nanoToUsdString, usdStringToNano } from '@llmops/tokens';
import type { ProcessorDeps } from '@llmops/services';
import { TrainingExample } from '../dataset';
import { trainingCost } from '../estimate';
import { openAiFineTuning, type FineTuningProvider } from '../provider';
import { createTunedModels } from '../tuned-models';
import { evaluationState, submitHeldOut } from './evaluate';
import { loadState, readData, saveState, type FineTuneState } from './state';

/**
 * The longest wait between two status checks: each check is a job start (JOB_MAX_STARTS, default 50),
 * so a 12-hour training takes about 20 checks from a 10 s poll interval.
 */
const MAX_WAIT_MS = 60 * 60_000;
/** How long the training's budget hold may live (a training that outlasts it keeps running unheld). */
const HOLD_TTL_MS = 2 * 86_400_000;
const RUNNING = new Set(['validating_files', 'queued', 'running']);

/** A provider fine-tuning job that ended without a model; reported as `fine_tune_failed: ...`. */
export class FineTuneFailedError extends NonRetriableError {
  readonly reason = 'fine_tune_failed' as const;
}

/**
 * A fine-tune as a step job: upload, reserve the training budget, create (or find again) the provider
 * job, then check its status and, while it trains, move the job to delayed and return (no worker slot
 * is held; waits double from `pollIntervalMs` up to an hour). Once it succeeds: bill the trained
 * tokens once, register the model for the tenant, and run the held-out evaluations (base, then tuned
 * against it). Every step's outcome is saved before the next, so a crash or a wake-up resumes there.
 */
export async function runFineTune(deps: ProcessorDeps, context: JobContext<FineTunePayload>): Promise<FineTuneResult> {
  const { payload, jobId, tenant } = context;
  const provider = providerFor(deps, payload.baseModel, context.signal);
  let state = await loadState(deps, jobId);
  const save = async (patch: Partial<FineTuneState>) => (state = await saveState(deps, jobId, { ...state, ...patch }));

  if (!state.fileId) {
    // Parsed with the example schema on the way out of Redis: only well-formed examples are uploaded.
    const lines = (await readData(deps, jobId, 'train', payload.examples)).map((line) => JSON.stringify(readJson(TrainingExample, line)));
    const file = await provider.uploadTrainingFile(`${lines.join('\n')}\n`, `${jobId}.jsonl`);
    await save({ fileId: file.id });
    await context.reportProgress({ step: 'uploaded', examples: payload.examples });
  }
  if (!state.providerJobId) {
    if (!state.hold) {
      const decision = await deps.services.limits.spendGuard.reserve({
        tenant,
        jobId,
        model: payload.baseModel,
        estimatedNanoUsd: usdStringToNano(payload.estimatedUsd),
        estimatedTokens: payload.datasetTokens * payload.epochs,
        ttlMs: HOLD_TTL_MS,
      });
      if (!decision.ok) throw new BudgetExhaustedError(decision.refusal, tenant);
      await save({ hold: { tenant: decision.hold.tenant, id: decision.hold.id } });
    }
    try {
      // Tagged with our job id: a create whose answer was lost in a crash is found again, not repeated.
      const existing = (await provider.listJobs()).find((job) => job.metadata.llmops_job === jobId);
      const created =
        existing ??
        (await provider.createJob({
          model: payload.baseModel,
          trainingFile: state.fileId!,
          epochs: payload.epochs,
          ...(payload.suffix ? { suffix: payload.suffix } : {}),
          metadata: { llmops_job: jobId },
        }));
      await save({ providerJobId: created.id });
    } catch (error) {
      // Refused for good (a bad file, an unknown model): nothing will train, so nothing stays held.
      if (error instanceof FatalError && state.hold) {
        await deps.services.limits.spendGuard.settle(state.hold, { nanoUsd: 0n, tokens: 0 });
        await save({ hold: undefined });
      }
      throw error;
    }
  }
  if (!state.model) await followTraining(deps, context, provider, state, save);
  if (!state.registered) {
    await createTunedModels(deps.redis, deps.prefix).register(tenant, {
      model: state.model!,
      baseModel: payload.baseModel,
      jobId,
      providerJobId: state.providerJobId!,
      trainedTokens: state.trainedTokens ?? 0,
      createdAt: new Date().toISOString(),
    });
    await save({ registered: true });
    await context.reportProgress({ step: 'registered', model: state.model });
  }
  if (payload.heldOut && !state.evaluationSkipped && !state.evalTuned) await evaluate(deps, context, state, save);

  const events = (await provider.listEvents(state.providerJobId!)).map((event) => ({
    at: new Date(event.createdAt * 1000).toISOString(),
    level: event.level,
    message: event.message,
  }));
  return {
    model: state.model!,
    baseModel: payload.baseModel,
    providerJobId: state.providerJobId!,
    examples: payload.examples,
    epochs: payload.epochs,
    trainedTokens: state.trainedTokens ?? 0,
    estimatedUsd: payload.estimatedUsd,
    costUsd: nanoToUsdString(BigInt(state.costNano ?? '0')),
    events,
    ...(payload.heldOut
      ? {
          evaluation: {
            ...(state.evalBase ? { base: state.evalBase } : {}),
            ...(state.evalTuned ? { tuned: state.evalTuned } : {}),
            ...(state.evaluationSkipped ? { skipped: state.evaluationSkipped } : {}),
          },
        }
      : {}),
  };
}

/** One status check: wait again (delayed, no slot held), fail for good, or bill and keep the model. */
async function followTraining(
  deps: ProcessorDeps,
  context: JobContext<FineTunePayload>,
  provider: FineTuningProvider,
  state: FineTuneState,
  save: (patch: Partial<FineTuneState>) => Promise<FineTuneState>,
): Promise<void> {
  const { payload, jobId, tenant } = context;
  const job = await provider.retrieveJob(state.providerJobId!);
  await context.reportProgress({ step: 'training', status: job.status });
  if (RUNNING.has(job.status)) await waitAgain(state, save, payload, `fine-tuning ${job.status}`);
  const spend = deps.services.limits.spendGuard;
  if (job.status !== 'succeeded' || !job.fineTunedModel) {
    if (state.hold) await spend.settle(state.hold, { nanoUsd: 0n, tokens: 0 });
    throw new FineTuneFailedError(`provider job ${job.id} ${job.status}${job.error ? ` (${job.error})` : ''}`);
  }
  const trained = job.trainedTokens ?? payload.datasetTokens * payload.epochs;
  const cost = trainingCost(deps.services.registry.require(payload.baseModel), trained);
  const ledger = createUsageLedger(deps.redis, {
    keyPrefix: llmKeyPrefix(deps.prefix),
    onUsage: (event) => void recordUsageCounters(deps.redis, deps.prefix, event).catch(() => {}),
  });
  // Billed once whatever happens next: the key is the job's, and the hold is settled with what was counted.
  const counted = await ledger.record({
    tenant,
    model: payload.baseModel,
    jobType: 'fine-tune',
    idempotencyKey: `${jobId}:training`,
    requests: 1,
    inputTokens: trained,
    outputTokens: 0,
    costNanoUsd: cost,
    at: new Date(),
  });
  if (state.hold) await spend.settle(state.hold, counted ? { nanoUsd: cost, tokens: trained } : { nanoUsd: 0n, tokens: 0 });
  await save({ model: job.fineTunedModel, trainedTokens: trained, costNano: cost.toString(), waitMs: undefined });
}

/** Saves the next (doubled) wait and moves the job to delayed for it (a step wait: no slot, no attempt). */
async function waitAgain(
  state: FineTuneState,
  save: (patch: Partial<FineTuneState>) => Promise<FineTuneState>,
  payload: FineTunePayload,
  what: string,
): Promise<never> {
  const wait = state.waitMs ?? payload.pollIntervalMs;
  await save({ waitMs: Math.min(MAX_WAIT_MS, wait * 2) });
  throw new StepWait(wait, what);
}

/** Base model first; once its report exists, the tuned model against it as baseline. */
async function evaluate(
  deps: ProcessorDeps,
  context: JobContext<FineTunePayload>,
  state: FineTuneState,
  save: (patch: Partial<FineTuneState>) => Promise<FineTuneState>,
): Promise<void> {
  if (!state.evalBase) {
    const base = await submitHeldOut(deps, context, 'base', context.payload.baseModel);
    if ('refused' in base) {
      if (base.refused === 'budget') return void (await save({ evaluationSkipped: base.reason }));
      await waitAgain(state, save, context.payload, `held-out evaluation not admitted yet (${base.reason})`);
    } else state = await save({ evalBase: base.jobId, waitMs: undefined });
  }
  const baseState = await evaluationState(deps, state.evalBase!);
  if (baseState === 'failed') return void (await save({ evaluationSkipped: `the base model's evaluation ${state.evalBase} failed` }));
  if (baseState === 'running') await waitAgain(state, save, context.payload, 'base model evaluation running');
  const tuned = await submitHeldOut(deps, context, 'tuned', state.model!, state.evalBase);
  if ('refused' in tuned) {
    if (tuned.refused === 'budget') return void (await save({ evaluationSkipped: tuned.reason }));
    await waitAgain(state, save, context.payload, `held-out evaluation not admitted yet (${tuned.reason})`);
  } else await save({ evalTuned: tuned.jobId });
}

function providerFor(deps: ProcessorDeps, model: string, signal: AbortSignal): FineTuningProvider {
  return openAiFineTuning(createRouter(deps.services.providers).route(model).client, { signal });
}
