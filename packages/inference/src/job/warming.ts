import type { SemanticCache } from '@llmops/cache';
import type { CacheWarmTickPayload } from '@llmops/contracts';
import type { JobContext } from '@llmops/queue';
import type { ProcessorDeps } from '@llmops/services';
import { CACHE_EMBEDDING, createEmbedBatcher } from './embedder';

/**
 * One warming tick: answers the tenant's most frequent recent misses and stores them in the cache,
 * so the next ask is a hit. Prompts are the cache's pseudonymized, canonical ones: nothing personal
 * leaves the process.
 */
export async function runWarmTick(deps: ProcessorDeps, cache: SemanticCache, context: JobContext<CacheWarmTickPayload>): Promise<{ warmed: number }> {
  const { tenant, jobId } = context;
  const misses = await cache.stats.topMisses(tenant, context.payload.topN);
  const embed = createEmbedBatcher(deps.services.llm, { tenant, jobId, jobType: 'cache-warm', signal: context.signal }, CACHE_EMBEDDING);
  let warmed = 0;
  for (const { miss } of misses) {
    const scope = cache.scopeOf({ tenant, model: miss.model, parameters: miss.parameters, system: miss.system });
    if (await cache.lookupExact(tenant, scope, miss.prompt)) continue;
    const messages = [...(miss.system ? [{ role: 'system' as const, content: miss.system }] : []), { role: 'user' as const, content: miss.prompt }];
    const reply = await deps.services.llm.chat(
      { model: miss.model, messages, ...miss.parameters },
      { tenant, jobType: 'cache-warm', jobId, idempotencyKey: `${jobId}:${scope}:${warmed}`, signal: context.signal },
    );
    await cache.store(tenant, scope, {
      prompt: miss.prompt,
      answer: reply.completion.choices[0]?.message.content ?? '',
      vector: await embed(miss.prompt),
      usage: reply.usage,
      costNanoUsd: reply.costNanoUsd,
      origin: `${jobId}:warm`,
    });
    warmed += 1;
  }
  await cache.stats.clearMisses(
    tenant,
    misses.map((m) => m.miss),
  );
  return { warmed };
}
