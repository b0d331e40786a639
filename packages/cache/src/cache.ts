import type { RedisClient } from '@llmops/redis';
import type { AnnIndex, VectorStore } from '@llmops/vector';
import { sha256, stableJson } from './canonical';
import { DEFAULT_CACHE_EMBEDDING, DEFAULT_THRESHOLDS, embeddingId, type CacheEmbedding } from './embedding';
import { EntryStore, type NewEntry } from './entries';
import { CacheFeedback, type FeedbackOptions } from './feedback';
import { InflightCalls, type InflightOptions } from './inflight';
import { cacheKeys } from './keys';
import { lookupSimilar, type SimilarOutcome, type SimilarRequest } from './lookup';
import { CacheMaintenance, type MaintenanceOptions, type MaintenanceRun } from './maintenance';
import { CacheSettingsStore } from './settings';
import { CacheStatsRecorder } from './stats';
import type { CacheHit, CacheScopeInput } from './types';

/** Options for {@link createSemanticCache}. */
export interface SemanticCacheOptions {
  /** A client-role connection (the caller owns it). */
  redis: RedisClient;
  /** Key prefix of the deployment (keys go under `${prefix}:cache:`). */
  prefix: string;
  /** Where entry vectors live: one collection per embedding, filtered by tenant and scope. */
  vectors: VectorStore;
  /** The embedding every lookup and store uses; part of every scope. Default: text-embedding-3-small at 256 dimensions. */
  embedding?: CacheEmbedding;
  /** How long an entry lives after it is stored. Default: 7 days. */
  ttlSeconds?: number;
  /** Entries per scope before the least recently used are evicted. Default: 100,000. */
  maxEntriesPerScope?: number;
  /** Nearest points examined per similarity lookup. Default: 5. */
  candidates?: number;
  /**
   * Reject a similar prompt whose numbers or PII tokens differ ("pump station 14" vs "pump station
   * 1"): embeddings rate such pairs highly, yet they ask different things. Default: true.
   */
  requireSameLiterals?: boolean;
  /** Default thresholds by `model@dimensions` or model. Default: {@link DEFAULT_THRESHOLDS}. */
  thresholds?: Readonly<Record<string, number>>;
  /** Verification calls one lookup may make. Default: 1. */
  maxVerifications?: number;
  /** Stores arriving within this many ms share one vector-store commit. Default: 5. */
  writeWaitMs?: number;
  /**
   * The embedded store's ANN index for the cache collection: `ivf_pq` keeps ~16 bytes per entry in a
   * worker's memory (results re-ranked with the stored vectors), `hnsw_sq` ~350 and is a few ms faster.
   * Default: `ivf_pq`, so worker memory stays flat as entries grow.
   */
  vectorIndex?: AnnIndex;
  inflight?: InflightOptions;
  feedback?: FeedbackOptions;
  maintenance?: MaintenanceOptions;
}

export interface SemanticCache {
  readonly embedding: CacheEmbedding;
  readonly stats: CacheStatsRecorder;
  readonly settings: CacheSettingsStore;
  readonly feedback: CacheFeedback;
  /** In-flight coalescing of identical requests (Redis leases). */
  readonly inflight: InflightCalls;
  /** The opaque scope id of a tenant/model/parameters/system/collection combination and the cache's embedding. */
  scopeOf(input: CacheScopeInput): string;
  /** The id of the entry a prompt has (or would have) in a scope: its exact key. */
  entryIdOf(scope: string, prompt: string): string;
  /** A stored answer for the same normalized prompt in this scope. */
  lookupExact(tenant: string, scope: string, prompt: string): Promise<CacheHit | undefined>;
  /** The nearest stored prompt that passes the threshold (and verification, in the gray band). */
  lookupSimilar(tenant: string, scope: string, vector: ArrayLike<number>, request: SimilarRequest): Promise<SimilarOutcome>;
  /** Stores (or replaces) the entry for this prompt; returns its id once exact and similar lookups find it. */
  store(tenant: string, scope: string, input: NewEntry): Promise<string>;
  /** Removes one entry; false when it was already gone. */
  remove(tenant: string, scope: string, entryId: string): Promise<boolean>;
  /** Drops every entry that cites one of these documents; returns how many entries went. */
  invalidateDocuments(tenant: string, collection: string, documentIds: readonly string[]): Promise<number>;
  /** Sweeps expired entries out of the vector store and, now and then, maintains its index. `now`: for tests. */
  housekeeping(now?: number): Promise<MaintenanceRun>;
}

export function createSemanticCache(options: SemanticCacheOptions): SemanticCache {
  const { redis, vectors } = options;
  const keys = cacheKeys(options.prefix);
  const embedding = options.embedding ?? DEFAULT_CACHE_EMBEDDING;
  const ttlSeconds = options.ttlSeconds ?? 7 * 86_400;
  const stats = new CacheStatsRecorder(redis, keys);
  const entries = new EntryStore({
    redis,
    keys,
    vectors,
    embedding,
    ttlSeconds,
    maxEntriesPerScope: options.maxEntriesPerScope ?? 100_000,
    writeWaitMs: options.writeWaitMs ?? 5,
    annIndex: options.vectorIndex ?? 'ivf_pq',
  });
  const lookupDeps = {
    redis,
    keys,
    entries,
    candidates: options.candidates ?? 5,
    requireSameLiterals: options.requireSameLiterals ?? true,
    maxVerifications: options.maxVerifications ?? 1,
  };
  const maintenance = new CacheMaintenance({ redis, keys, entries, vectors, ttlSeconds }, options.maintenance);
  // Usage order is bookkeeping for eviction: it does not hold up the lookup, and a lost update only
  // makes an entry look a little less recently used.
  const touch = (scope: string, entryId: string) => void entries.touch(scope, entryId).catch(() => undefined);
  // A vector of another size cannot come from this cache's embedding: comparing it would be a bug.
  const checked = (vector: ArrayLike<number>) => {
    if (vector.length !== embedding.dimensions) {
      throw new RangeError(`cache vector has ${vector.length} dimensions; the cache embeds with ${embeddingId(embedding)}`);
    }
    return vector;
  };

  return {
    embedding,
    stats,
    settings: new CacheSettingsStore(redis, keys, embedding, options.thresholds ?? DEFAULT_THRESHOLDS),
    feedback: new CacheFeedback(redis, keys, { entries, stats }, options.feedback),
    inflight: new InflightCalls(redis, keys, options.inflight),
    scopeOf(input) {
      const { tenant, model, parameters, system, collection } = input;
      return sha256(stableJson({ tenant, model, parameters, system, collection: collection ?? null, embedding: embeddingId(embedding) })).slice(0, 32);
    },
    entryIdOf: (scope, prompt) => entries.entryIdOf(scope, prompt),
    async lookupExact(tenant, scope, prompt) {
      const entryId = entries.entryIdOf(scope, prompt);
      const entry = await entries.get(tenant, scope, entryId);
      if (!entry) return undefined;
      touch(scope, entryId);
      return { kind: 'exact', entryId, similarity: 1, entry };
    },
    async lookupSimilar(tenant, scope, vector, request) {
      const outcome = await lookupSimilar(lookupDeps, tenant, scope, checked(vector), request);
      if (outcome.hit) touch(scope, outcome.hit.entryId);
      return outcome;
    },
    async store(tenant, scope, input) {
      const { entryId, evicted } = await entries.put(tenant, scope, { ...input, ...(input.vector ? { vector: checked(input.vector) } : {}) });
      await stats.recordEvicted(tenant, evicted);
      return entryId;
    },
    remove: (tenant, scope, entryId) => entries.remove(tenant, scope, entryId),
    async invalidateDocuments(tenant, collection, documentIds) {
      let removed = 0;
      for (const documentId of documentIds) {
        const key = keys.document(tenant, collection, documentId);
        for (const member of await redis.smembers(key)) {
          const [scope, entryId] = member.split('|') as [string, string];
          if (await entries.remove(tenant, scope, entryId)) removed += 1;
        }
        await redis.del(key);
      }
      if (removed > 0) await stats.recordInvalidated(tenant, removed);
      return removed;
    },
    housekeeping: (now) => maintenance.run(now),
  };
}
