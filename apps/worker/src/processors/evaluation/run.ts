import type { ItemResult } from '@llmops/contracts';
import { compareRunsPaced, summarizePaced, type SampleRecord } from '@llmops/eval';
import { nanoToUsdString } from '@llmops/tokens';
import type { JobContext } from '@llmops/queue';
import type { ProcessorDeps } from '../types';
import { letOthersRun } from './cooperate';
import { judgeItems } from './judging';
import { chunks, mapPool } from './pool';
import { prepareItem } from './prepare';
import { readBaseline, readRecords } from './records';
import { graderName, type EvaluationPayload, type JudgeCounters, type WorkItem } from './types';

/** Items graded and stored per step: a restart redoes at most one slice (its calls are not re-billed). */
const sliceSize = 100;
/** Outputs generated and graded at once per job. */
const concurrency = 16;

/**
 * Runs an evaluation: every case x sample gets an output and every grade, stored as an item result
 * (`<caseId>/<sample>`), then the report is computed from the stored results, so a retried job skips
 * finished samples and still reports on all of them.
 */
export async function runEvaluation(deps: ProcessorDeps, context: JobContext<EvaluationPayload>) {
  const { payload, jobId, tenant, signal } = context;
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
  let finished = done.size;
  context.logger.info({ items: items.length, pending: pending.length }, 'evaluation started');

  for (const slice of chunks(pending, sliceSize)) {
    signal.throwIfAborted();
    const prepared = await mapPool(slice, concurrency, (item) => prepareItem(deps.services.llm, payload, item, scope));
    await judgeItems({ llm: deps.services.llm, redis: deps.redis, prefix: deps.prefix }, payload, prepared, scope, counters);
    const results: ItemResult[] = prepared.map((item) => {
      const record: SampleRecord = { caseId: item.kase.id, sample: item.sample, output: item.output, grades: item.grades, costUsd: nanoToUsdString(item.costNano) };
      return { id: item.id, index: item.index, result: record };
    });
    await context.results.put(results);
    finished += slice.length;
    await context.reportProgress({ done: finished, total: items.length });
  }

  const records = await readRecords(deps.redis, deps.prefix, jobId);
  const graders = payload.graders.map((grader) => ({ name: graderName(grader), type: grader.type }));
  // Report work grows with cases x samples x graders (x resamples): paced, so this job keeps its lock and others run.
  const summary = await summarizePaced(records, graders, samples, letOthersRun);
  const comparison = baseline
    ? { baseline: payload.baseline!, ...(await compareRunsPaced(records, baseline, graders.map((grader) => grader.name), payload.bootstrap ?? {}, letOthersRun)) }
    : undefined;
  return { ...summary, judge: counters, ...(comparison ? { comparison } : {}) };
}
