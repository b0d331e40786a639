import { z } from 'zod';
import { jobDataKeys, readJson } from '@llmops/contracts';
import type { ProcessorDeps } from '@llmops/services';

/**
 * Where a fine-tune job is: each step's outcome is saved before the next starts, so an attempt after
 * a crash (or each wake-up of the step job) continues from there instead of uploading, reserving or
 * creating a provider job twice.
 */
export const FineTuneState = z.object({
  fileId: z.string().optional(),
  /** The budget hold of the training's estimate (a SpendHold). */
  hold: z.object({ tenant: z.string(), id: z.string() }).optional(),
  providerJobId: z.string().optional(),
  model: z.string().optional(),
  trainedTokens: z.number().int().optional(),
  costNano: z.string().optional(),
  registered: z.boolean().optional(),
  /** The next wait between status checks (doubles each time). */
  waitMs: z.number().int().optional(),
  evalBase: z.string().optional(),
  evalTuned: z.string().optional(),
  /** Why the held-out evaluation did not run to the end. */
  evaluationSkipped: z.string().optional(),
});
export type FineTuneState = z.infer<typeof FineTuneState>;

const FIELD = 'state';
const TTL_SECONDS = 14 * 86_400;

export async function loadState(deps: ProcessorDeps, jobId: string): Promise<FineTuneState> {
  const raw = await deps.redis.hget(jobDataKeys(deps.prefix, jobId).fineTuneState, FIELD);
  return raw === null ? {} : readJson(FineTuneState, raw);
}

export async function saveState(deps: ProcessorDeps, jobId: string, state: FineTuneState): Promise<FineTuneState> {
  const key = jobDataKeys(deps.prefix, jobId).fineTuneState;
  await deps.redis.multi().hset(key, FIELD, JSON.stringify(state)).expire(key, TTL_SECONDS).exec();
  return state;
}

/** The stored lines of one kind (`train` examples or `held` cases), in order. */
export async function readData(deps: ProcessorDeps, jobId: string, kind: 'train' | 'held', count: number): Promise<string[]> {
  const key = jobDataKeys(deps.prefix, jobId).fineTuneData;
  const out: string[] = [];
  for (let start = 0; start < count; start += 500) {
    const fields = Array.from({ length: Math.min(500, count - start) }, (_, i) => `${kind}:${start + i}`);
    const values = await deps.redis.hmget(key, ...fields);
    values.forEach((value, i) => {
      if (value === null) throw new Error(`${fields[i]} of job ${jobId} is missing (expired or never written)`);
      out.push(value);
    });
  }
  return out;
}
