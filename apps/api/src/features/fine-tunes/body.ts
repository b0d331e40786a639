import { z } from 'zod';
import { FineTuneSuffix, GraderSpec, MaxCostUsd } from '@llmops/contracts';

/** `POST /v1/fine-tunes`. */
export const FineTuneRequest = z.strictObject({
  /** A tunable chat model of the registry (one with a training price). */
  baseModel: z.string().min(1).max(200),
  dataset: z.union([
    /** Chat-format JSONL: one `{"messages": [...]}` example per line. */
    z.strictObject({ jsonl: z.string().min(1) }),
    /**
     * A collection export: each chunk of the listed documents is an example whose assistant turn is the
     * chunk, answering `prompt` (`{{documentId}}` is replaced; default "What does document {{documentId}} say?").
     */
    z.strictObject({
      collection: z.string().min(1).max(128),
      documentIds: z.array(z.string().min(1).max(256)).min(1).max(1_000),
      prompt: z.string().min(1).max(2_000).optional(),
      system: z.string().min(1).max(20_000).optional(),
    }),
  ]),
  /** Default 3. */
  epochs: z.number().int().min(1).max(50).default(3),
  suffix: FineTuneSuffix.optional(),
  /** The last `examples` valid examples are kept out of training and evaluated on the base and the tuned model. */
  heldOut: z.strictObject({ examples: z.number().int().min(1).max(1_000), graders: z.array(GraderSpec).min(1).max(20).optional() }).optional(),
  /** Validate and estimate only: nothing is stored, uploaded or spent. Default false. */
  dryRun: z.boolean().default(false),
  /** First wait between status checks of the provider's job (doubling up to 15 minutes). Default 10,000 ms. */
  pollIntervalMs: z.number().int().min(100).max(600_000).default(10_000),
  /** The most this job may spend, dollars as a decimal string. */
  maxCostUsd: MaxCostUsd.optional(),
});
export type FineTuneRequest = z.infer<typeof FineTuneRequest>;
