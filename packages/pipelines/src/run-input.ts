import type { PipelineInput, PipelineItemResult, PipelineStepRecord } from '@llmops/contracts';
import { nanoToUsdString } from '@llmops/tokens';
import type { PipelinePlan } from './plan';
import { StepFailure, type PipelinePorts } from './ports';
import { executeStep, selectedByBranch } from './steps';
import { RenderLimitError, resolveTemplate, valueAt, type Lookup } from './template';

/** One input's run through a plan. */
export interface InputRun {
  plan: PipelinePlan;
  jobId: string;
  /** The input's position: its item id and part of every ledger key. */
  index: number;
  input: PipelineInput;
  /** This run of the job (recorded on each step it does): a resumed input shows which steps an earlier run did. */
  run: string;
  /** Default Date.now. */
  now?: () => number;
  /** Steps an earlier run finished for this input: they are not run again. */
  done: ReadonlyMap<string, PipelineStepRecord>;
  /** Stores a step's record before the next step starts (the resume point). */
  save(stepId: string, record: PipelineStepRecord): Promise<void>;
  ports: PipelinePorts;
  signal?: AbortSignal;
}

/** The ledger key of one input's step: the same on every run, so a replayed call is billed once. */
export const stepKey = (jobId: string, index: number, stepId: string) => `${jobId}:${index}:${stepId}`;

/**
 * Runs an input's steps in plan order, skipping those already recorded and those a branch did not
 * choose, saving each record as it finishes. The first step that fails ends the input (failed, with
 * `step <id>: <reason>`); errors that are not the input's fault (provider outages, budgets, a
 * shutdown) are thrown for the job to retry.
 */
export async function runInput(run: InputRun): Promise<PipelineItemResult> {
  const { plan } = run;
  const records = new Map(run.done);
  const lookup: Lookup = (path) => {
    const [head, ...rest] = path;
    if (head === 'input') return valueAt(run.input, rest);
    return valueAt(records.get(head ?? '')?.output, rest);
  };
  for (const id of plan.order) {
    if (records.has(id)) {
      if (records.get(id)!.status === 'failed') return finish(run, records, `step ${id}: ${records.get(id)!.error ?? 'failed'}`);
      continue;
    }
    run.signal?.throwIfAborted();
    const step = plan.steps.get(id)!;
    let record: PipelineStepRecord;
    const stamp = { run: run.run, finishedAt: new Date((run.now ?? Date.now)()).toISOString() };
    const gate = step.gatedBy ? plan.steps.get(step.gatedBy)?.spec : undefined;
    if (gate?.type === 'branch' && !selectedByBranch(gate, records.get(gate.id)).includes(id)) {
      record = { status: 'skipped', usage: { inputTokens: 0, outputTokens: 0 }, costNanoUsd: '0', ...stamp };
    } else {
      try {
        record = { ...(await executeStep(step, { ports: run.ports, lookup, key: stepKey(run.jobId, run.index, id) })), ...stamp };
      } catch (error) {
        if (!(error instanceof StepFailure) && !(error instanceof RenderLimitError)) throw error;
        record = { status: 'failed', error: error.message, usage: { inputTokens: 0, outputTokens: 0 }, costNanoUsd: '0', ...stamp };
      }
    }
    await run.save(id, record);
    records.set(id, record);
    if (record.status === 'failed') return finish(run, records, `step ${id}: ${record.error}`);
  }
  try {
    const output = Object.fromEntries(plan.output.map(([field, template]) => [field, resolveTemplate(template, lookup) ?? null]));
    return finish(run, records, undefined, output);
  } catch (error) {
    if (!(error instanceof RenderLimitError)) throw error;
    return finish(run, records, `output: ${error.message}`);
  }
}

function finish(
  run: InputRun,
  records: ReadonlyMap<string, PipelineStepRecord>,
  error: string | undefined,
  output?: Record<string, unknown>,
): PipelineItemResult {
  let inputTokens = 0;
  let outputTokens = 0;
  let cost = 0n;
  const steps: Record<string, PipelineStepRecord> = {};
  for (const id of run.plan.order) {
    const record = records.get(id);
    if (!record) continue;
    steps[id] = record;
    inputTokens += record.usage.inputTokens;
    outputTokens += record.usage.outputTokens;
    cost += BigInt(record.costNanoUsd);
  }
  return {
    status: error ? 'failed' : 'completed',
    ...(output ? { output } : {}),
    ...(error ? { error } : {}),
    steps,
    usage: { inputTokens, outputTokens },
    costUsd: nanoToUsdString(cost),
  };
}
