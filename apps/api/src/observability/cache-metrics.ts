import type { RedisClient } from '@llmops/redis';
import type { Registry } from 'prom-client';
import { CacheStatsRecorder, cacheKeys, type CacheStats } from '@llmops/cache';
import { sharedRead, storedCounter, storedGauge, type StoredSample } from './stored-metrics';

type Row = readonly [tenant: string, stats: CacheStats];

/**
 * The semantic cache's figures per tenant: lookups, hits by kind, misses, wrong hits (where feedback
 * marked them), mean similarity of semantic hits, and what hits saved. The counters live in Redis
 * (packages/cache stats.ts), so they cover every worker replica.
 */
export function registerCacheMetrics(options: { redis: RedisClient; prefix: string; tenants: () => readonly string[]; registry: Registry }): void {
  const recorder = new CacheStatsRecorder(options.redis, cacheKeys(options.prefix));
  const read = sharedRead(() => Promise.all(options.tenants().map(async (tenant): Promise<Row> => [tenant, await recorder.read(tenant)])));
  const perTenant = (value: (stats: CacheStats) => number) => async (): Promise<StoredSample<'tenant'>[]> =>
    (await read()).map(([tenant, stats]) => ({ labels: { tenant }, value: value(stats) }));
  const common = { labelNames: ['tenant'] as const, registry: options.registry };

  storedCounter({ ...common, name: 'llmops_cache_lookups_total', help: 'Cache lookups', read: perTenant((s) => s.lookups) });
  storedCounter({
    name: 'llmops_cache_hits_total',
    help: 'Cache hits by kind (exact, semantic, coalesced: answered by an identical call in flight)',
    labelNames: ['tenant', 'kind'],
    registry: options.registry,
    read: async () =>
      (await read()).flatMap(([tenant, stats]) => [
        { labels: { tenant, kind: 'exact' }, value: stats.exactHits },
        { labels: { tenant, kind: 'semantic' }, value: stats.semanticHits },
        { labels: { tenant, kind: 'coalesced' }, value: stats.coalescedHits },
      ]),
  });
  storedCounter({ ...common, name: 'llmops_cache_misses_total', help: 'Cache misses', read: perTenant((s) => s.misses) });
  storedCounter({
    ...common,
    name: 'llmops_cache_wrong_hits_total',
    help: 'Hits later marked wrong (POST /v1/cache/feedback)',
    read: perTenant((s) => s.wrongHits),
  });
  storedGauge({ ...common, name: 'llmops_cache_semantic_similarity_mean', help: 'Mean similarity of semantic hits', read: perTenant((s) => s.meanSimilarity) });
  storedGauge({ ...common, name: 'llmops_cache_hit_ratio', help: 'Hits / lookups since the counters began', read: perTenant((s) => s.hitRate) });
  storedCounter({
    name: 'llmops_cache_saved_tokens_total',
    help: 'Provider tokens not spent thanks to hits, by direction',
    labelNames: ['tenant', 'direction'],
    registry: options.registry,
    read: async () =>
      (await read()).flatMap(([tenant, stats]) => [
        { labels: { tenant, direction: 'input' }, value: stats.savedInputTokens },
        { labels: { tenant, direction: 'output' }, value: stats.savedOutputTokens },
      ]),
  });
  storedCounter({
    ...common,
    name: 'llmops_cache_saved_usd_total',
    help: 'Provider dollars not spent thanks to hits',
    read: perTenant((s) => Number(s.savedUsd)),
  });
  storedCounter({
    ...common,
    name: 'llmops_cache_verification_usd_total',
    help: 'Dollars spent verifying gray-band hits with a small model',
    read: perTenant((s) => Number(s.verificationUsd)),
  });
}
