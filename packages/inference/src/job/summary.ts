import { nanoToUsdString } from '@llmops/tokens';
import { InferenceItemResult, ItemResult, readJson, type InferenceSummary } from '@llmops/contracts';
import { platformKeys } from '@llmops/queue';
import type { ProcessorDeps } from '@llmops/services';

/**
 * Job totals summed from the stored item results (HSCAN, a page at a time), so each item counts
 * once however many attempts it took, and memory stays bounded.
 */
export async function summarize(deps: ProcessorDeps, jobId: string, items: number): Promise<InferenceSummary> {
  const key = platformKeys(deps.prefix).results(jobId);
  const totals = { answered: 0, failed: 0, cacheHits: 0, providerCalls: 0, inputTokens: 0, outputTokens: 0, savedTokens: 0 };
  let cost = 0n;
  let saved = 0n;
  let cursor = '0';
  do {
    const [next, flat] = await deps.redis.hscan(key, cursor, 'COUNT', 500);
    cursor = next;
    for (let i = 1; i < flat.length; i += 2) {
      const result = InferenceItemResult.parse(readJson(ItemResult, flat[i]!).result);
      if (result.status === 'failed') totals.failed += 1;
      else totals.answered += 1;
      if (result.cache.outcome === 'hit') totals.cacheHits += 1;
      else if (result.status === 'answered') totals.providerCalls += 1;
      totals.inputTokens += result.usage.inputTokens;
      totals.outputTokens += result.usage.outputTokens;
      totals.savedTokens += result.savedTokens;
      cost += BigInt(result.costNanoUsd);
      saved += BigInt(result.savedNanoUsd);
    }
  } while (cursor !== '0');
  return { items, ...totals, costUsd: nanoToUsdString(cost), savedUsd: nanoToUsdString(saved) };
}
