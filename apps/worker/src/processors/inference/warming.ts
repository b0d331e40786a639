import { createHash } from 'node:crypto';
import { Queue } from 'bullmq';
import type { SemanticCache } from '@llmops/cache';
import { bullPrefix, platformCatalog, type CacheWarmTickPayload } from '@llmops/contracts';
import type { JobContext } from '@llmops/queue';
import type { ProcessorDeps } from '../types';
import { CACHE_EMBEDDING, createEmbedBatcher } from './embedder';

/** Per-tenant warming settings, as `PUT /v1/cache/warming` stores them (hash field = tenant). */
export interface WarmingSettings {
  enabled: boolean;
  /** Milliseconds between ticks. */
  every: number;
  topN: number;
}

export const warmingSettingsKey = (prefix: string) => `${prefix}:inference:warming`;

/**
 * Makes BullMQ's job schedulers match the stored settings: one scheduler per enabled tenant on the
 * `cache-warm-tick` queue, none for the others. Idempotent, so every replica may run it on a timer.
 */
export async function syncWarmingSchedulers(deps: ProcessorDeps, queue: Queue): Promise<number> {
  const settings = await deps.redis.hgetall(warmingSettingsKey(deps.prefix));
  let enabled = 0;
  for (const [tenant, raw] of Object.entries(settings)) {
    const value = JSON.parse(raw) as WarmingSettings;
    const id = `warm:${tenant}`;
    if (!value.enabled) {
      await queue.removeJobScheduler(id);
      continue;
    }
    enabled += 1;
    const payload: CacheWarmTickPayload = { topN: value.topN };
    await queue.upsertJobScheduler(id, { every: value.every }, {
      name: 'cache-warm-tick',
      // The envelope every job carries; the hash stands for "the scheduler's settings", not a request body.
      data: { tenant, requestHash: createHash('sha256').update(raw).digest('hex'), submittedAt: new Date().toISOString(), payload },
    });
  }
  return enabled;
}

/** A queue handle for the scheduler on the worker's own connection. */
export function warmTickQueue(deps: ProcessorDeps): Queue {
  return new Queue('cache-warm-tick', { connection: deps.redis, prefix: bullPrefix(deps.prefix, platformCatalog['cache-warm-tick']) });
}

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
  await cache.stats.clearMisses(tenant, misses.map((m) => m.miss));
  return { warmed };
}
