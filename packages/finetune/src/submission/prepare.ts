import { fineTuneJobs, jobDataKeys, type FineTunePayload, type GraderSpec } from '@llmops/contracts';
import type { RedisClient } from '@llmops/redis';
import type { PreparedDataset } from './dataset';
import type { HeldOut } from './worst-case';

/** Examples pseudonymized at once and written per HSET. */
const EXAMPLES_PER_WRITE = 250;

/** Pseudonymizes one text (the API builds it from the PII vault with the job as scope). */
export type TextMap = (text: string) => Promise<string>;

/** Where a submission writes the job's examples and held-out cases. */
export interface DataStore {
  redis: RedisClient;
  prefix: string;
  /** The data expires with the job. */
  retentionSeconds: number;
}

/** What one fine-tune job trains, as the request asked for it. */
export interface FineTuneSubmission {
  baseModel: string;
  epochs: number;
  suffix?: string;
  pollIntervalMs: number;
  prepared: PreparedDataset;
  held?: HeldOut;
}

/**
 * The job's payload, built once the job id is known (only by the request that creates the job): the
 * training examples (`train:<i>`) and held-out cases (`held:<i>`) are pseudonymized with `protect`
 * (the job's vault scope) and written into the job's data hash, and so are the graders' free texts.
 */
export async function prepareFineTuneJob(store: DataStore, protect: TextMap, submission: FineTuneSubmission, jobId: string): Promise<FineTunePayload> {
  const { prepared, held } = submission;
  const key = jobDataKeys(store.prefix, jobId).fineTuneData;
  const write = async (fields: string[]) => {
    await store.redis
      .multi()
      .hset(key, ...fields)
      .expire(key, store.retentionSeconds)
      .exec();
  };
  for (let start = 0; start < prepared.train.length; start += EXAMPLES_PER_WRITE) {
    const slice = await Promise.all(
      prepared.train.slice(start, start + EXAMPLES_PER_WRITE).map(async (example) => ({
        messages: await Promise.all(example.messages.map(async (message) => ({ ...message, content: await protect(message.content) }))),
      })),
    );
    await write(slice.flatMap((example, i) => [`train:${start + i}`, JSON.stringify(example)]));
  }
  const cases = held
    ? await Promise.all(
        held.cases.map(async (kase) => ({
          ...kase,
          input: await protect(kase.input),
          expected: await protect(kase.expected!),
          ...(kase.context ? { context: await protect(kase.context) } : {}),
        })),
      )
    : [];
  if (cases.length > 0) await write(cases.flatMap((kase, i) => [`held:${i}`, JSON.stringify(kase)]));
  return fineTuneJobs['fine-tune'].payload.parse({
    baseModel: submission.baseModel,
    epochs: submission.epochs,
    ...(submission.suffix ? { suffix: submission.suffix } : {}),
    examples: prepared.train.length,
    datasetTokens: prepared.datasetTokens,
    estimatedUsd: prepared.estimate.usd,
    ...(held ? { heldOut: { cases: held.cases.length, graders: await Promise.all(held.graders.map((grader) => protectGrader(grader, protect))) } } : {}),
    pollIntervalMs: submission.pollIntervalMs,
  });
}

async function protectGrader(grader: GraderSpec, protect: TextMap): Promise<GraderSpec> {
  if (grader.type === 'contains' && grader.value !== undefined) return { ...grader, value: await protect(grader.value) };
  if (grader.type === 'rubric' && typeof grader.rubric === 'object')
    return { ...grader, rubric: { ...grader.rubric, criteria: await protect(grader.rubric.criteria) } };
  return grader;
}
