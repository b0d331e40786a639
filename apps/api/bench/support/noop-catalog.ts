// The bench-only job type the queue bench submits: a no-op, so the figures are the submission
// machinery's and nothing else's.
import { z } from 'zod';
import { defineCatalog, defineJob } from '@llmops/contracts';

export const noopBody = z.strictObject({ n: z.number().int(), maxCostUsd: z.string().optional() });

export const noopCatalog = defineCatalog({
  'bench-noop': defineJob({
    queue: 'bench-noop',
    description: 'bench-only: does nothing',
    payload: noopBody,
    result: z.object({ n: z.number() }),
    attempts: 1,
    backoff: { type: 'fixed', delayMs: 0 },
    timeoutMs: 10_000,
  }),
});
