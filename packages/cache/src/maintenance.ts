import type { RedisClient } from '@llmops/redis';
import type { MaintenanceReport, VectorStore } from '@llmops/vector';
import type { EntryStore } from './entries';
import type { CacheKeys } from './keys';
import { ScopeInfo } from './types';
import { readJson } from '@llmops/contracts';

/** Options of {@link CacheMaintenance}. */
export interface MaintenanceOptions {
  /** Least time between two sweeps of expired entries by one process. Default: 60,000 ms. */
  sweepEveryMs?: number;
  /**
   * Least time between two vector-index maintenance runs (compaction, ANN index once a collection is
   * large) across the whole fleet: one process takes a Redis lock for that long. 0 turns it off (for a
   * deployment that schedules `store.maintain()` elsewhere). Default: 15 minutes.
   */
  indexEveryMs?: number;
}

/**
 * The cache's own index maintenance off, for workers: the platform's scheduled vector-maintenance job
 * compacts and indexes every collection, the cache's included (one mechanism, one run at a time).
 */
export const INDEX_BY_SCHEDULER: MaintenanceOptions = { indexEveryMs: 0 };

export interface MaintenanceRun {
  expired: number;
  scopesForgotten: number;
  index?: MaintenanceReport;
}

/**
 * Cache housekeeping that any worker may call on a timer: expired entries leave the vector store
 * (their Redis entries expire by themselves), scopes nobody stored into for a TTL are forgotten (so an
 * old embedding's scopes fade out), and now and then one process compacts and indexes the embedding's
 * collection.
 */
export class CacheMaintenance {
  #lastSweep = 0;
  readonly #sweepEveryMs: number;
  readonly #indexEveryMs: number;

  constructor(
    private readonly deps: { redis: RedisClient; keys: CacheKeys; entries: EntryStore; vectors: VectorStore; ttlSeconds: number },
    options: MaintenanceOptions = {},
  ) {
    this.#sweepEveryMs = options.sweepEveryMs ?? 60_000;
    this.#indexEveryMs = options.indexEveryMs ?? 15 * 60_000;
  }

  /** `at`: sweep as if it were this time (tests); otherwise at most once per `sweepEveryMs`. */
  async run(at?: number): Promise<MaintenanceRun> {
    const out: MaintenanceRun = { expired: 0, scopesForgotten: 0 };
    const now = Date.now();
    if (at !== undefined || now - this.#lastSweep >= this.#sweepEveryMs) {
      this.#lastSweep = now;
      Object.assign(out, await this.sweep(at ?? now));
    }
    if (this.#indexEveryMs > 0 && (await this.deps.redis.set(this.deps.keys.maintenance, String(now), 'PX', this.#indexEveryMs, 'NX')) === 'OK') {
      out.index = await this.deps.vectors.maintain({ collections: [await this.deps.entries.collection()] });
    }
    return out;
  }

  /** One pass over every scope: points of expired entries are deleted. */
  async sweep(now = Date.now()): Promise<{ expired: number; scopesForgotten: number }> {
    const { redis, keys, entries, ttlSeconds } = this.deps;
    let expired = 0;
    let scopesForgotten = 0;
    let cursor = '0';
    do {
      const [next, flat] = await redis.hscan(keys.scopes, cursor, 'COUNT', 200);
      cursor = next;
      for (let i = 0; i + 1 < flat.length; i += 2) {
        const scope = flat[i]!;
        const info = readJson(ScopeInfo, flat[i + 1]!);
        const swept = await entries.sweepScope(scope, info, now);
        expired += swept.expired;
        if (swept.empty && info.lastStoreAt < now - ttlSeconds * 1_000) {
          await redis.hdel(keys.scopes, scope);
          scopesForgotten += 1;
        }
      }
    } while (cursor !== '0');
    return { expired, scopesForgotten };
  }
}
