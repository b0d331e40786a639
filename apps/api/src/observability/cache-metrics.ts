import { CacheStatsRecorder, cacheKeys } from '@llmops/cache';
import type { Redis } from 'ioredis';
import { formatLabels } from './exposition';

type Row = [labels: Record<string, string>, value: number | string];

/**
 * The semantic cache's figures per tenant, as Prometheus text: lookups, hits by kind, misses, wrong
 * hits (where feedback marked them), mean similarity of semantic hits, and what hits saved. The
 * counters live in Redis, so they cover every worker replica.
 */
export async function renderCacheMetrics(redis: Redis, prefix: string, tenants: readonly string[]): Promise<string> {
  const recorder = new CacheStatsRecorder(redis, cacheKeys(prefix));
  const series: Record<string, { type: 'counter' | 'gauge'; help: string; rows: Row[] }> = {
    llmops_cache_lookups_total: { type: 'counter', help: 'Cache lookups', rows: [] },
    llmops_cache_hits_total: { type: 'counter', help: 'Cache hits by kind (exact, semantic)', rows: [] },
    llmops_cache_misses_total: { type: 'counter', help: 'Cache misses', rows: [] },
    llmops_cache_wrong_hits_total: { type: 'counter', help: 'Hits later marked wrong', rows: [] },
    llmops_cache_semantic_similarity_mean: { type: 'gauge', help: 'Mean similarity of semantic hits', rows: [] },
    llmops_cache_saved_tokens_total: { type: 'counter', help: 'Provider tokens not spent thanks to hits, by direction', rows: [] },
    llmops_cache_saved_usd_total: { type: 'counter', help: 'Provider dollars not spent thanks to hits', rows: [] },
  };
  for (const tenant of tenants) {
    const stats = await recorder.read(tenant);
    series.llmops_cache_lookups_total!.rows.push([{ tenant }, stats.lookups]);
    series.llmops_cache_hits_total!.rows.push([{ tenant, kind: 'exact' }, stats.exactHits], [{ tenant, kind: 'semantic' }, stats.semanticHits]);
    series.llmops_cache_misses_total!.rows.push([{ tenant }, stats.misses]);
    series.llmops_cache_wrong_hits_total!.rows.push([{ tenant }, stats.wrongHits]);
    series.llmops_cache_semantic_similarity_mean!.rows.push([{ tenant }, stats.meanSimilarity]);
    series.llmops_cache_saved_tokens_total!.rows.push([{ tenant, direction: 'input' }, stats.savedInputTokens], [{ tenant, direction: 'output' }, stats.savedOutputTokens]);
    series.llmops_cache_saved_usd_total!.rows.push([{ tenant }, stats.savedUsd]);
  }
  const out: string[] = [];
  for (const [name, { type, help, rows }] of Object.entries(series)) {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...rows.map(([labels, value]) => `${name}${formatLabels(labels)} ${value}`));
  }
  return `${out.join('\n')}\n`;
}
