import type { InferenceItemResult } from '@llmops/contracts';
import { Attr, withSpan } from '@llmops/telemetry';

const SCOPE = '@llmops/inference';

/** A span per item of an inference job (its cache lookup and provider call are children): index and outcome only. */
export function itemSpan(jobId: string, index: number, work: () => Promise<InferenceItemResult | 'deferred'>): Promise<InferenceItemResult | 'deferred'> {
  return withSpan(
    'inference item',
    { [Attr.jobId]: jobId, [Attr.itemIndex]: index },
    async (span) => {
      const result = await work();
      span.setAttributes({
        [Attr.itemOutcome]: result === 'deferred' ? 'deferred' : result.status,
        ...(result === 'deferred'
          ? {}
          : {
              [Attr.cacheOutcome]: result.cache.outcome,
              [Attr.genAiInputTokens]: result.usage.inputTokens,
              [Attr.genAiOutputTokens]: result.usage.outputTokens,
            }),
      });
      return result;
    },
    { scope: SCOPE },
  );
}

/**
 * A span around an item's cache lookup (exact, then similar: the prompt's embedding, the vector
 * search, any verification call are its children), with what it found: hit kind and similarity.
 */
export function cacheLookupSpan<T extends { result: InferenceItemResult }>(mode: 'exact' | 'semantic', work: () => Promise<T>): Promise<T> {
  return withSpan(
    'cache lookup',
    { [Attr.cacheLookup]: mode },
    async (span) => {
      const found = await work();
      const { cache } = found.result;
      span.setAttributes({ [Attr.cacheOutcome]: cache.outcome, 'llmops.cache.kind': cache.kind, [Attr.cacheSimilarity]: cache.similarity });
      return found;
    },
    { scope: SCOPE },
  );
}
