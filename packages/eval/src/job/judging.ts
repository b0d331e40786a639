import { createHash } from 'node:crypto';
import type { RedisClient } from '@llmops/redis';
import { jobDataKeys } from '@llmops/contracts';
import { askJudge } from '../ask-judge';
import { buildJudgeRequest, MissingReferenceError } from '../judge-prompt';
import type { SampleGrade } from '../report';
import { builtInRubrics, type Rubric } from '../rubrics';
import { parseVerdict } from '../verdict';
import { batchStepField, pastWindow, readBatchStep, saveBatchStep, type BatchStep } from '@llmops/services';
import { letOthersRun } from './cooperate';
import { chunks, mapPool } from '@llmops/queue';
import {
  graderName,
  isFatal,
  jobType,
  type CallScope,
  type EvaluationPayload,
  type GraderSpec,
  type JudgeCounters,
  type Llm,
  type PreparedItem,
} from './types';

type RubricGrader = Extract<GraderSpec, { type: 'rubric' }>;

/** One distinct judge prompt and every (item, grader) whose verdict it gives. */
interface JudgeTask {
  /** The call's key: the same prompt gets the same key in every attempt, so a restart replays its verdict. */
  key: string;
  request: ReturnType<typeof buildJudgeRequest>;
  threshold: number;
  targets: { item: PreparedItem; grader: string }[];
  /** Why an earlier try (a Batch API line) gave no verdict. */
  problem?: string;
}

export interface JudgeDeps {
  llm: Llm;
  redis: RedisClient;
  prefix: string;
}

const rubricOf = (grader: RubricGrader): Rubric => (typeof grader.rubric === 'string' ? builtInRubrics[grader.rubric] : grader.rubric);

/**
 * Rubric grading for one evaluation job. Identical judge prompts (same rubric, case and output) are
 * asked once when `judge.dedupe` is on, across the whole job: an item whose prompt is already being
 * judged waits for that verdict. Each verdict is validated; a malformed one is asked again up to
 * `maxAttempts` times, then recorded as malformed, never scored.
 */
export function createJudging(deps: JudgeDeps, payload: EvaluationPayload, scope: CallScope, counters: JudgeCounters) {
  const rubricGraders = payload.graders.filter((grader): grader is RubricGrader => grader.type === 'rubric');
  const dedupe = payload.judge?.dedupe ?? true;
  const maxAttempts = payload.judge?.maxAttempts ?? 3;
  /** Verdicts asked for or given in this attempt, by prompt (dedupe): the first asker pays. */
  const asked = new Map<string, Promise<{ grade: SampleGrade; costNano: bigint }>>();

  /** The item's judge tasks; a grader that cannot be asked (no reference) gets its error grade here. */
  async function tasksOf(items: readonly PreparedItem[]): Promise<Map<string, JudgeTask>> {
    const tasks = new Map<string, JudgeTask>();
    for (const item of items) {
      // Building a prompt reads the whole case and output (up to 100,000 characters each).
      await letOthersRun();
      for (const grader of rubricGraders) {
        const name = graderName(grader);
        let request;
        try {
          request = buildJudgeRequest(rubricOf(grader), item.kase, item.output);
        } catch (error) {
          if (!(error instanceof MissingReferenceError)) throw error;
          item.grades[name] = { status: 'error', problem: error.message };
          continue;
        }
        counters.gradesRequested++;
        const threshold = grader.threshold ?? 0.5;
        const groupKey = dedupe
          ? createHash('sha256')
              .update(JSON.stringify([request, threshold]))
              .digest('hex')
          : `${item.kase.id}:${item.sample}:${name}`;
        const task = tasks.get(groupKey) ?? { key: `${scope.jobId}:judge:${groupKey}`, request, threshold, targets: [] };
        task.targets.push({ item, grader: name });
        tasks.set(groupKey, task);
      }
    }
    return tasks;
  }

  return {
    /** Judges one item by chat, sharing prompts another item of this attempt already asked. */
    async gradeItem(item: PreparedItem): Promise<void> {
      if (rubricGraders.length === 0) return;
      const tasks = await tasksOf([item]);
      await Promise.all(
        [...tasks].map(async ([groupKey, task]) => {
          let verdict = asked.get(groupKey);
          const first = verdict === undefined;
          if (!verdict) asked.set(groupKey, (verdict = judgeByChat(deps.llm, payload, task, scope, counters, 0, maxAttempts)));
          const { grade, costNano } = await verdict;
          for (const target of task.targets) target.item.grades[target.grader] = grade;
          // The call is charged to the item that asked first.
          if (first) item.costNano += costNano;
        }),
      );
    },
    /**
     * Judges a slice of items through the provider's Batch API (one upload per 5,000 prompts; its id
     * is kept, so the job's next run checks the batch it already paid for), then asks by chat whatever
     * got no valid verdict. While a batch runs the slice is not graded: the batches are returned, and
     * the job waits for them as a step job.
     */
    async gradeByBatch(items: readonly PreparedItem[]): Promise<JudgeBatchesRunning | undefined> {
      if (rubricGraders.length === 0) return undefined;
      const list = [...(await tasksOf(items)).values()];
      if (list.length === 0) return undefined;
      const { leftover, running } = await judgeByBatch(deps, payload, list, scope, counters);
      if (running.steps.length > 0) return running;
      await mapPool(leftover, 16, async (task) => apply(task, await judgeByChat(deps.llm, payload, task, scope, counters, 1, maxAttempts)));
      return undefined;
    },
  };
}

function apply(task: JudgeTask, verdict: { grade: SampleGrade; costNano: bigint }): void {
  task.targets.forEach((target, index) => {
    target.item.grades[target.grader] = verdict.grade;
    // The call is charged to the item whose key it was made under.
    if (index === 0) target.item.costNano += verdict.costNano;
  });
}

async function judgeByChat(
  llm: Llm,
  payload: EvaluationPayload,
  task: JudgeTask,
  scope: CallScope,
  counters: JudgeCounters,
  attemptsMade: number,
  maxAttempts: number,
): Promise<{ grade: SampleGrade; costNano: bigint }> {
  try {
    const outcome = await askJudge(
      async (attempt) => {
        counters.requests++;
        if (attempt > 1) counters.malformedRetries++;
        const result = await llm.chat(
          { model: payload.judge?.model ?? 'gpt-4o-mini', temperature: 0, ...task.request },
          // Each try is its own call: a restarted job replays the tries already answered.
          { tenant: scope.tenant, jobType, jobId: scope.jobId, signal: scope.signal, idempotencyKey: attempt === 1 ? task.key : `${task.key}:try${attempt}` },
        );
        return { content: result.completion.choices[0]?.message.content, costNano: result.costNanoUsd };
      },
      { maxAttempts, attemptsMade, threshold: task.threshold, ...(task.problem ? { problem: task.problem } : {}) },
    );
    return { grade: outcome.grade, costNano: outcome.costNano };
  } catch (error) {
    if (!isFatal(error)) throw error;
    return { grade: { status: 'error', problem: error.message }, costNano: 0n };
  }
}

/** Batches judging a slice that are still running after this run's check (the job then waits as a step job). */
export interface JudgeBatchesRunning {
  steps: (BatchStep | undefined)[];
  statuses: string[];
}

/**
 * Sends the tasks through the provider's Batch API (one upload per slice of 5,000) and checks each
 * batch once (step mode). The batch id, its spend hold and when it went out are kept in Redis, so the
 * next run of the job checks the batch it already paid for instead of sending a new one. Returns the
 * tasks still without a verdict (failed, expired or malformed lines) for chat retries, and the
 * batches still running.
 */
async function judgeByBatch(
  deps: JudgeDeps,
  payload: EvaluationPayload,
  tasks: JudgeTask[],
  scope: CallScope,
  counters: JudgeCounters,
): Promise<{ leftover: JudgeTask[]; running: JudgeBatchesRunning }> {
  const leftover: JudgeTask[] = [];
  const running: JudgeBatchesRunning = { steps: [], statuses: [] };
  for (const slice of chunks(tasks, 5_000)) {
    const byId = new Map(slice.map((task, index) => [`t${index}`, task]));
    const sliceHash = createHash('sha256')
      .update(slice.map((task) => task.key).join('\n'))
      .digest('hex')
      .slice(0, 16);
    // One hash per job (field = slice), so the job's cleanup finds every batch id it stored.
    const resumeKey = jobDataKeys(deps.prefix, scope.jobId).evaluationBatches;
    let resumeBatchId = (await deps.redis.hget(resumeKey, sliceHash)) ?? undefined;
    let step = resumeBatchId ? await readBatchStep(deps.redis, resumeKey, resumeBatchId) : undefined;
    if (resumeBatchId && pastWindow(step)) {
      // Past its window (the provider expires it by then): asked again in a new batch.
      await deps.redis.hdel(resumeKey, sliceHash, batchStepField(resumeBatchId));
      resumeBatchId = undefined;
      step = undefined;
    }
    const result = await deps.llm.runBatch(
      [...byId].map(([customId, task]) => ({ customId, body: { model: payload.judge?.model ?? 'gpt-4o-mini', temperature: 0, ...task.request } })),
      {
        tenant: scope.tenant,
        jobType,
        jobId: scope.jobId,
        signal: scope.signal,
        step: true,
        ...(resumeBatchId ? { resumeBatchId } : {}),
        ...(step?.hold ? { resumeHold: step.hold } : {}),
        onSubmitted: async (batchId, hold) => {
          step = { submittedAt: Date.now(), ...(hold ? { hold } : {}) };
          await saveBatchStep(deps.redis, resumeKey, batchId, hold, [sliceHash]);
        },
      },
    );
    if (result.pending) {
      running.steps.push(step);
      running.statuses.push(result.status);
      continue;
    }
    counters.batchLines += slice.length;
    slice[0]!.targets[0]!.item.costNano += result.costNanoUsd;
    const answered = new Set<string>();
    for (const success of result.succeeded) {
      const task = byId.get(success.customId);
      if (!task) continue;
      const content = (success.body as { choices?: { message?: { content?: string | null } }[] }).choices?.[0]?.message?.content;
      const verdict = parseVerdict(content);
      if (!verdict.ok) {
        task.problem = verdict.problem;
        continue;
      }
      answered.add(success.customId);
      apply(task, {
        grade: { status: 'graded', score: verdict.normalized, pass: verdict.normalized >= task.threshold, detail: verdict.verdict.reason },
        costNano: 0n,
      });
    }
    for (const [customId, task] of byId) if (!answered.has(customId)) leftover.push(task);
  }
  return { leftover, running };
}
