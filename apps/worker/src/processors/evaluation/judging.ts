import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { jobDataKeys } from '@llmops/contracts';
import { askJudge, buildJudgeRequest, builtInRubrics, MissingReferenceError, parseVerdict, type Rubric, type SampleGrade } from '@llmops/eval';
import { letOthersRun } from './cooperate';
import { chunks, mapPool } from './pool';
import { graderName, isFatal, jobType, type CallScope, type EvaluationPayload, type GraderSpec, type JudgeCounters, type Llm, type PreparedItem } from './types';

type RubricGrader = Extract<GraderSpec, { type: 'rubric' }>;

/** One distinct judge prompt and every (item, grader) whose verdict it gives. */
interface JudgeTask {
  key: string;
  request: ReturnType<typeof buildJudgeRequest>;
  threshold: number;
  targets: { item: PreparedItem; grader: string }[];
  /** Why an earlier try (a Batch API line) gave no verdict. */
  problem?: string;
}

export interface JudgeDeps {
  llm: Llm;
  redis: Redis;
  prefix: string;
}

const rubricOf = (grader: RubricGrader): Rubric => (typeof grader.rubric === 'string' ? builtInRubrics[grader.rubric] : grader.rubric);

/**
 * Fills in the rubric grades of a slice of items. Identical judge prompts (same rubric, case and
 * output) are asked once when `judge.dedupe` is on. Each verdict is validated; a malformed one is
 * asked again up to `maxAttempts` times, then recorded as malformed, never scored.
 */
export async function judgeItems(deps: JudgeDeps, payload: EvaluationPayload, items: readonly PreparedItem[], scope: CallScope, counters: JudgeCounters): Promise<void> {
  const rubricGraders = payload.graders.filter((grader): grader is RubricGrader => grader.type === 'rubric');
  if (rubricGraders.length === 0) return;
  const dedupe = payload.judge?.dedupe ?? true;
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
      const ownKey = `${scope.jobId}:${item.kase.id}:${item.sample}:${name}`;
      const groupKey = dedupe ? createHash('sha256').update(JSON.stringify([request, grader.threshold ?? 0.5])).digest('hex') : ownKey;
      const task = tasks.get(groupKey) ?? { key: ownKey, request, threshold: grader.threshold ?? 0.5, targets: [] };
      task.targets.push({ item, grader: name });
      tasks.set(groupKey, task);
    }
  }
  const list = [...tasks.values()];
  const maxAttempts = payload.judge?.maxAttempts ?? 3;
  let remaining = list;
  let attemptsUsed = 0;
  if (payload.judge?.mode === 'batch' && list.length > 0) {
    remaining = await judgeByBatch(deps, payload, list, scope, counters);
    attemptsUsed = 1;
  }
  await mapPool(remaining, 16, (task) => judgeByChat(deps.llm, payload, task, scope, counters, attemptsUsed, maxAttempts));
}

function record(task: JudgeTask, grade: SampleGrade, costNano: bigint): void {
  task.targets.forEach((target, index) => {
    target.item.grades[target.grader] = grade;
    // The call is charged to the item whose key it was made under.
    if (index === 0) target.item.costNano += costNano;
  });
}

async function judgeByChat(llm: Llm, payload: EvaluationPayload, task: JudgeTask, scope: CallScope, counters: JudgeCounters, attemptsMade: number, maxAttempts: number): Promise<void> {
  try {
    const outcome = await askJudge(
      async (attempt) => {
        counters.requests++;
        if (attempt > 1) counters.malformedRetries++;
        const result = await llm.chat(
          { model: payload.judge?.model ?? 'gpt-4o-mini', temperature: 0, ...task.request },
          // Each try is its own logical call: a retried job replays the same keys and bills nothing twice.
          { tenant: scope.tenant, jobType, jobId: scope.jobId, signal: scope.signal, idempotencyKey: attempt === 1 ? task.key : `${task.key}:try${attempt}` },
        );
        return { content: result.completion.choices[0]?.message.content, costNano: result.costNanoUsd };
      },
      { maxAttempts, attemptsMade, threshold: task.threshold, ...(task.problem ? { problem: task.problem } : {}) },
    );
    record(task, outcome.grade, outcome.costNano);
  } catch (error) {
    if (!isFatal(error)) throw error;
    record(task, { status: 'error', problem: (error as Error).message }, 0n);
  }
}

/**
 * Sends the tasks through the provider's Batch API (one upload per slice of 5,000). The batch id is
 * kept in Redis, so a restarted job polls the batch it already paid for instead of sending a new one.
 * Returns the tasks still without a verdict (failed, unfinished or malformed lines) for chat retries.
 */
async function judgeByBatch(deps: JudgeDeps, payload: EvaluationPayload, tasks: JudgeTask[], scope: CallScope, counters: JudgeCounters): Promise<JudgeTask[]> {
  const leftover: JudgeTask[] = [];
  for (const slice of chunks(tasks, 5_000)) {
    const byId = new Map(slice.map((task, index) => [`t${index}`, task]));
    const sliceHash = createHash('sha256').update(slice.map((task) => task.key).join('\n')).digest('hex').slice(0, 16);
    // One hash per job (field = slice), so the job's cleanup finds every batch id it stored.
    const resumeKey = jobDataKeys(deps.prefix, scope.jobId).evaluationBatches;
    const resumeBatchId = (await deps.redis.hget(resumeKey, sliceHash)) ?? undefined;
    const result = await deps.llm.runBatch(
      [...byId].map(([customId, task]) => ({ customId, body: { model: payload.judge?.model ?? 'gpt-4o-mini', temperature: 0, ...task.request } })),
      {
        tenant: scope.tenant,
        jobType,
        jobId: scope.jobId,
        signal: scope.signal,
        pollIntervalMs: payload.judge?.pollIntervalMs ?? 5_000,
        ...(resumeBatchId ? { resumeBatchId } : {}),
        onSubmitted: async (batchId) => {
          await deps.redis.multi().hset(resumeKey, sliceHash, batchId).expire(resumeKey, 7 * 24 * 3600).exec();
        },
      },
    );
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
      record(task, { status: 'graded', score: verdict.normalized, pass: verdict.normalized >= task.threshold, detail: verdict.verdict.reason }, 0n);
    }
    for (const [customId, task] of byId) if (!answered.has(customId)) leftover.push(task);
  }
  return leftover;
}
