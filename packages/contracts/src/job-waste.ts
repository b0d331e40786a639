import { z } from 'zod';

/**
 * What a job's provider calls cost without being used, from its call journal (@llmops/llm). A
 * restarted attempt replays the answers earlier attempts paid for, so what is left is:
 * - `requests`/tokens/`costUsd`: answers billed twice for one call (two copies were in flight at once);
 * - `unknownOutcome`: calls in flight when their attempt died or gave up (SIGKILL, hand-back at
 *   shutdown, timeout): the provider may have answered and billed them, but nobody received the answer.
 */
export const JobWaste = z.object({
  requests: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  /** Decimal dollars. */
  costUsd: z.string(),
  unknownOutcome: z.number().int(),
});
export type JobWaste = z.infer<typeof JobWaste>;
