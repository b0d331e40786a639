import type { ItemResult } from '@llmops/contracts';
import { compareRunsPaced } from '../compare';
import { summarizePaced, type SampleRecord } from '../report';
import { wasteOf } from '@llmops/llm';
import { nanoToUsdString } from '@llmops/tokens';
import { StepWait, chunks, mapPool, type JobContext } from '@llmops/queue';
import { letOthersRun } from './cooperate';
import { nextCheckMs, type ProcessorDeps } from '@llmops/services';
import { createJudging, type JudgeBatchesRunning } from './judging';
import { prepareItem } from './prepare';
import { readBaseline, readRecords } from './records';
import {
  graderName,
  jobType,
  type EvaluationPayload,
  type ItemDeps,
  type JudgeCounters,
  type PipelineGenerator,
  type PreparedItem,
  type WorkItem,
} from './types';

/** What the evaluation processor needs: the worker's shared dependencies and the pipeline generator port. */
export interface EvaluationJobDeps extends ProcessorDeps {
  /** Generates outputs for payloads with `generate.pipeline`. Default: none (such a job fails). */
  generateWithPipeline?: PipelineGenerator;
}

/** Samples judged per Batch API round trip (batch judging only: realtime samples are stored one by one). */
const batchSliceSize = 500;
/** Samples generated and graded at once per job. */
const concurrency = 16;
/** Progress is reported every this many stored samples. */
const progressEvery = 10;

/**
 * Runs an evaluation: every case x sample gets an output and every grade, stored as an item result
 * (`<caseId>/<sample>`) as soon as that sample is done, then the report is computed from the stored
 * results. A restarted attempt skips stored samples; for a sample in progress, every model call that
 * was already answered (its output, embedding grade, judge verdicts) is replayed from the job's call
 * journal, so only calls in flight at the crash are made again.
 */
export async function runEvaluation(deps: EvaluationJobDeps, context: JobContext<EvaluationPayload>) {
  const { payload, jobId, tenant, signal } = context;
  const llm = deps.services.llm.withContext({ logger: context.logger });
  const itemDeps: ItemDeps = { llm, ...(deps.generateWithPipeline ? { generateWithPipeline: deps.generateWithPipeline } : {}) };
  const samples = payload.samples ?? 1;
  // Read the baseline first: a bad id fails the job before any model call is paid for.
  const baseline = payload.baseline ? await readBaseline(deps.redis, deps.prefix, tenant, payload.baseline) : undefined;
  const items: WorkItem[] = payload.cases.flatMap((kase, caseIndex) =>
    Array.from({ length: samples }, (_, sample) => ({ id: `${kase.id}/${sample}`, index: caseIndex * samples + sample, kase, sample })),
  );
  const done = new Set<string>();
  for (const slice of chunks(items, 1_000)) for (const id of await context.results.done(slice.map((item) => item.id))) done.add(id);
  const pending = items.filter((item) => !done.has(item.id));
  const counters: JudgeCounters = { gradesRequested: 0, requests: 0, batchLines: 0, malformedRetries: 0 };
  const scope = { tenant, jobId, signal };
  const judging = createJudging({ llm, redis: deps.redis, prefix: deps.prefix }, payload, scope, counters);
  let finished = done.size;
  let reportedAt = finished;
  context.logger.info({ items: items.length, pending: pending.length }, 'evaluation started');

  const store = async (prepared: readonly PreparedItem[]) => {
    await context.results.put(prepared.map(toResult));
    finished += prepared.length;
    if (finished - reportedAt >= progressEvery || finished === items.length) {
      reportedAt = finished;
      await context.reportProgress({ done: finished, total: items.length });
    }
  };
  if (payload.judge?.mode === 'batch') {
    // The Batch API needs many prompts at once: samples are judged (and stored) a slice at a time, every
    // slice's batch sent in this run; a slice whose batch still runs is stored by a later run.
    const running: JudgeBatchesRunning[] = [];
    for (const slice of chunks(pending, batchSliceSize)) {
      signal.throwIfAborted();
      const prepared = await mapPool(slice, concurrency, (item) => prepareItem(itemDeps, payload, item, scope));
      const waiting = await judging.gradeByBatch(prepared);
      if (waiting) running.push(waiting);
      else await store(prepared);
    }
    if (running.length > 0) {
      // A step job: delayed until the next check, holding no worker slot while the provider judges.
      await context.reportProgress({ done: finished, total: items.length, judgeBatches: { running: running.reduce((n, r) => n + r.steps.length, 0) } });
      const statuses = [...new Set(running.flatMap((r) => r.statuses))].join('/');
      throw new StepWait(
        nextCheckMs(
          running.flatMap((r) => r.steps),
          payload.judge.pollIntervalMs ?? 5_000,
        ),
        `judge batch ${statuses}`,
      );
    }
  } else {
    await mapPool(pending, concurrency, async (item) => {
      signal.throwIfAborted();
      const prepared = await prepareItem(itemDeps, payload, item, scope);
      await judging.gradeItem(prepared);
      await store([prepared]);
    });
  }

  const records = await readRecords(deps.redis, deps.prefix, jobId);
  const graders = payload.graders.map((grader) => ({ name: graderName(grader), type: grader.type }));
  // Report work grows with cases x samples x graders (x resamples): paced, so this job keeps its lock and others run.
  const summary = await summarizePaced(records, graders, samples, letOthersRun);
  const comparison = baseline
    ? {
        baseline: payload.baseline!,
        ...(await compareRunsPaced(
          records,
          baseline,
          graders.map((grader) => grader.name),
          payload.bootstrap ?? {},
          letOthersRun,
        )),
      }
    : undefined;
  const wasted = wasteOf(await llm.withContext({ jobType }).jobSpend({ tenant, jobId }));
  return { ...summary, judge: counters, wasted, ...(comparison ? { comparison } : {}) };
}

function toResult(item: PreparedItem): ItemResult {
  const record: SampleRecord = { caseId: item.kase.id, sample: item.sample, output: item.output, grades: item.grades, costUsd: nanoToUsdString(item.costNano) };
  return { id: item.id, index: item.index, result: record };
}
