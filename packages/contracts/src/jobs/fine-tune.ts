// Job type of the fine-tuning family: a provider fine-tuning job, followed without holding a worker.
import { z } from 'zod';
import { defineJob } from '../catalog';
import { GraderSpec } from './evaluation';

/** The suffix the provider puts into the tuned model's id (`ft:<base>:<org>:<suffix>:<id>`). */
export const FineTuneSuffix = z.string().regex(/^[a-z0-9-]{1,40}$/, 'a-z, 0-9 and - (max 40)');

/**
 * The job payload. The training examples (pseudonymized JSONL lines) and the held-out cases are not
 * in it: the API writes them into the job's data hash (`jobDataKeys().fineTuneData`, fields
 * `train:<i>` and `held:<i>`) before enqueueing.
 */
export const FineTunePayload = z.strictObject({
  baseModel: z.string().min(1).max(200),
  epochs: z.number().int().min(1).max(50),
  suffix: FineTuneSuffix.optional(),
  /** Training examples stored in the data hash. */
  examples: z.number().int().min(1),
  /** Tokens of the training examples (billed once per epoch). */
  datasetTokens: z.number().int().min(1),
  /** Estimated training cost in dollars, computed at submission from the registry's training price. */
  estimatedUsd: z.string(),
  /** Held-out cases evaluated on the base and the tuned model with the evaluation job, once the model exists. */
  heldOut: z.strictObject({ cases: z.number().int().min(1), graders: z.array(GraderSpec).min(1).max(20) }).optional(),
  /** First wait between status checks; each wait doubles up to an hour (packages/finetune/src/job/run.ts MAX_WAIT_MS). */
  pollIntervalMs: z.number().int().min(100).max(600_000),
});
export type FineTunePayload = z.infer<typeof FineTunePayload>;

/** The job's result: the tuned model the tenant may now use, and what training cost. */
export const FineTuneResult = z.object({
  model: z.string(),
  baseModel: z.string(),
  providerJobId: z.string(),
  examples: z.number().int(),
  epochs: z.number().int(),
  trainedTokens: z.number().int(),
  estimatedUsd: z.string(),
  costUsd: z.string(),
  /** Provider events, oldest first (level and message). */
  events: z.array(z.object({ at: z.string(), level: z.string(), message: z.string() })),
  /**
   * The held-out evaluations: base model, then tuned model compared against it (its report has the
   * comparison); `skipped` says why they did not both run (a budget refusal, a failed evaluation).
   */
  evaluation: z.object({ base: z.string().optional(), tuned: z.string().optional(), skipped: z.string().optional() }).optional(),
});
export type FineTuneResult = z.infer<typeof FineTuneResult>;

export const fineTuneJobs = {
  'fine-tune': defineJob({
    queue: 'fine-tune',
    description:
      "Uploads a validated, pseudonymized chat dataset, runs the provider's fine-tuning job without holding a worker while it trains, and registers the tuned model for the tenant",
    payload: FineTunePayload,
    result: FineTuneResult,
    attempts: 5,
    backoff: { type: 'exponential', delayMs: 5_000 },
    timeoutMs: 10 * 60_000,
  }),
};
