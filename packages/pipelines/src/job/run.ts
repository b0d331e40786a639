import { randomUUID } from 'node:crypto';
import type { SemanticCache } from '@llmops/cache';
import {
  ItemResult,
  jobDataKeys,
  PipelineInput,
  pipelineInputsKey,
  PipelineItemResult,
  PipelineStepRecord,
  type PipelinePayload,
  type PipelineSummary,
  readJson,
} from '@llmops/contracts';
import { NonRetriableError, mapPool, platformKeys, type JobContext } from '@llmops/queue';
import { nanoToUsdString, usdStringToNano } from '@llmops/tokens';
import type { ProcessorDeps } from '@llmops/services';
import { planPipeline, PipelineDefinitionError, type PipelinePlan } from '../plan';
import type { PipelinePorts } from '../ports';
import { runInput } from '../run-input';
import { platformPorts } from './platform-ports';
import type { InferenceSearch } from './search';

/** Inputs read from Redis at a time: memory holds about this many, never the whole job. */
const INPUTS_PER_READ = 200;
/** Inputs in flight at once within a job (the shared limiter still decides when each call goes). */
export const INPUT_CONCURRENCY = 16;
/** How long step records are kept if the job never ends (a finished job's are deleted at once). */
const PROGRESS_TTL_SECONDS = 7 * 86_400;

/** The definition's plan; a definition the API would have refused fails the job for good. */
export function planOf(payload: PipelinePayload): PipelinePlan {
  try {
    return planPipeline(payload.definition);
  } catch (error) {
    if (error instanceof PipelineDefinitionError) throw new NonRetriableError(`invalid pipeline definition: ${error.message}`);
    throw error;
  }
}

/** The model retrieved passages are fitted for: the first generation's, else gpt-4o-mini. */
export function contextModelOf(plan: PipelinePlan): string {
  for (const step of plan.definition.steps) {
    if (step.type === 'generate') return step.model;
    if (step.type === 'map' && step.step.type === 'generate') return step.step.model;
  }
  return 'gpt-4o-mini';
}

/**
 * One pipeline job. Inputs stream from Redis; an input with a stored result is skipped; for the others
 * every step's record is stored as soon as it finishes (`<input>:<step>` in the progress hash), so an
 * attempt after a crash starts each input at the step after its last recorded one, and calls made
 * again for a step in flight at the crash are billed once (ledger key per input and step). Totals are
 * summed from the stored results.
 */
export async function runPipeline(
  deps: ProcessorDeps,
  cache: SemanticCache,
  search: InferenceSearch,
  context: JobContext<PipelinePayload>,
): Promise<PipelineSummary> {
  const { payload, jobId } = context;
  const plan = planOf(payload);
  const ports = platformPorts(deps, cache, search, {
    tenant: context.tenant,
    jobId,
    jobType: 'pipeline',
    signal: context.signal,
    contextModel: contextModelOf(plan),
  });
  const source = pendingInputs(deps, context);
  // Names this pass over the job in every step record it writes (a resumed input shows which run did what).
  const run = `${context.attempt}-${randomUUID().slice(0, 8)}`;
  let finished = 0;
  let reportedAt = 0;
  // The first error that stops the job stops the pool from taking another input; inputs in flight finish.
  await mapPool(source, INPUT_CONCURRENCY, async ({ index, input, skippedBefore }) => {
    context.signal.throwIfAborted();
    const result = await runOne(deps, context, plan, ports, run, index, input);
    await context.results.put([{ id: String(index), index, result }]);
    finished += 1;
    if (finished - reportedAt >= 25) {
      reportedAt = finished;
      await context.reportProgress({ inputs: { done: skippedBefore + finished, total: payload.inputCount } });
    }
  });
  await context.reportProgress({ inputs: { done: payload.inputCount, total: payload.inputCount } });
  return summarize(deps, jobId, payload.inputCount);
}

async function runOne(
  deps: ProcessorDeps,
  context: JobContext<PipelinePayload>,
  plan: PipelinePlan,
  ports: PipelinePorts,
  run: string,
  index: number,
  input: PipelineInput,
): Promise<PipelineItemResult> {
  const progressKey = jobDataKeys(deps.prefix, context.jobId).pipelineProgress;
  const ids = plan.order;
  const stored = await deps.redis.hmget(progressKey, ...ids.map((id) => `${index}:${id}`));
  const done = new Map<string, PipelineStepRecord>();
  stored.forEach((raw, i) => {
    if (raw !== null) done.set(ids[i]!, readJson(PipelineStepRecord, raw));
  });
  return runInput({
    plan,
    jobId: context.jobId,
    index,
    input,
    run,
    done,
    ports,
    signal: context.signal,
    save: async (stepId, record) => {
      await deps.redis.multi().hset(progressKey, `${index}:${stepId}`, JSON.stringify(record)).expire(progressKey, PROGRESS_TTL_SECONDS).exec();
    },
  });
}

/** Inputs without a result yet, read a page at a time; one shared iterator for every lane. */
async function* pendingInputs(
  deps: ProcessorDeps,
  context: JobContext<PipelinePayload>,
): AsyncGenerator<{ index: number; input: PipelineInput; skippedBefore: number }> {
  const key = pipelineInputsKey(deps.prefix, context.jobId);
  const count = context.payload.inputCount;
  let skipped = 0;
  for (let start = 0; start < count; start += INPUTS_PER_READ) {
    const indexes = Array.from({ length: Math.min(INPUTS_PER_READ, count - start) }, (_, i) => start + i);
    const done = await context.results.done(indexes.map(String));
    skipped += done.size;
    const open = indexes.filter((index) => !done.has(String(index)));
    if (open.length === 0) continue;
    const raw = await deps.redis.hmget(key, ...open.map(String));
    for (const [i, value] of raw.entries()) {
      if (value == null) throw new NonRetriableError(`input ${open[i]} of job ${context.jobId} is missing (expired or never written)`);
      yield { index: open[i]!, input: readJson(PipelineInput, value), skippedBefore: skipped };
    }
  }
}

/** Job totals from the stored results (HSCAN), so every input counts once however many attempts it took. */
async function summarize(deps: ProcessorDeps, jobId: string, inputs: number): Promise<PipelineSummary> {
  const key = platformKeys(deps.prefix).results(jobId);
  const totals = { completed: 0, failed: 0, providerCalls: 0, cacheHits: 0, inputTokens: 0, outputTokens: 0 };
  let cost = 0n;
  let cursor = '0';
  do {
    const [next, flat] = await deps.redis.hscan(key, cursor, 'COUNT', 500);
    cursor = next;
    for (let i = 1; i < flat.length; i += 2) {
      const result = PipelineItemResult.parse(readJson(ItemResult, flat[i]!).result);
      totals[result.status === 'completed' ? 'completed' : 'failed'] += 1;
      totals.inputTokens += result.usage.inputTokens;
      totals.outputTokens += result.usage.outputTokens;
      cost += usdStringToNano(result.costUsd);
      for (const step of Object.values(result.steps)) {
        if (step.cache === 'hit') totals.cacheHits += 1;
        else if (step.cache !== undefined && step.status === 'done') totals.providerCalls += 1;
      }
    }
  } while (cursor !== '0');
  return { inputs, ...totals, costUsd: nanoToUsdString(cost) };
}
