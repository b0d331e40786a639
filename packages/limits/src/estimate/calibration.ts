import type { CacheCalibrationPayload } from '@llmops/contracts';
import { createPacer } from './pace';
import { Tally, type ModelRegistryLike, type WorkEstimate } from './tally';

/**
 * Worst case of a cache calibration: both sides of every labelled pair embedded once with the cache's
 * embedding model (the platform's own pairs when none are given: `defaultPairs` of them, ~20 tokens a
 * side). Counted one embedding input per text.
 */
export async function estimateCalibration(
  payload: CacheCalibrationPayload,
  registry: ModelRegistryLike,
  options: { defaultPairs?: number; defaultModel?: string } = {},
): Promise<WorkEstimate> {
  const tally = new Tally(registry);
  const model = payload.model ?? options.defaultModel ?? 'text-embedding-3-small';
  const pace = createPacer();
  let tokens = 0;
  let texts = 0;
  if (payload.pairs) {
    for (const pair of payload.pairs) {
      await pace();
      tokens += tally.countText(pair.a, model) + tally.countText(pair.b, model);
      texts += 2;
    }
  } else {
    texts = 2 * (options.defaultPairs ?? 200);
    tokens = texts * 20;
  }
  tally.add(model, 'embedding', false, texts, tokens, 0);
  return tally.finish('evaluation', `${texts / 2} pairs x 2 embeddings`);
}
