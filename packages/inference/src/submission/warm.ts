import type { InferenceItem, InferenceParameters, InferencePayload } from '@llmops/contracts';

/**
 * A cache-warming job as an inference job: each query one item (after the shared system message),
 * answered in realtime and stored in the cache. Semantic lookups at threshold 1 skip only queries the
 * cache already holds; `purpose: 'warm'` keeps them out of the hit and miss counts.
 */
export function warmJob(request: { model: string; parameters: InferenceParameters; system?: string; queries: readonly string[] }): {
  items: InferenceItem[];
  settings: Omit<InferencePayload, 'itemCount'>;
} {
  const { model, parameters, system, queries } = request;
  const items = queries.map((query, i) => ({
    id: `q${i}`,
    messages: [...(system ? [{ role: 'system' as const, content: system }] : []), { role: 'user' as const, content: query }],
  }));
  return { items, settings: { model, parameters, cache: { mode: 'semantic', threshold: 1 }, mode: 'realtime', purpose: 'warm' } };
}
