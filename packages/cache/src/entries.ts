import { randomBytes } from 'node:crypto';
import type { RedisClient } from '@llmops/redis';
import { CollectionNotFoundError, eq, uuidV5, type AnnIndex, type VectorStore } from '@llmops/vector';
import { normalizePrompt, sha256 } from './canonical';
import { cacheCollectionName, embeddingId, type CacheEmbedding } from './embedding';
import type { CacheKeys } from './keys';
import { PointWriter } from './point-writer';
import { CacheEntry, type CacheSource, type ScopeInfo } from './types';
import { readJson } from '@llmops/contracts';

/** Namespace of cache point ids (a fixed random UUID). */
const CACHE_POINT_NAMESPACE = '0c6f4f6e-3d0b-4c8e-a6a1-5b8f2f7d9e21';

/** Pops the least used entries past the scope's cap (atomic, so two replicas never evict the same one). */
const EVICT = `
local over = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[1])
if over <= 0 then return {} end
return redis.call('ZPOPMIN', KEYS[1], over)`;

export interface EntryStoreOptions {
  redis: RedisClient;
  keys: CacheKeys;
  vectors: VectorStore;
  embedding: CacheEmbedding;
  ttlSeconds: number;
  maxEntriesPerScope: number;
  writeWaitMs: number;
  annIndex: AnnIndex;
}

export interface NewEntry {
  prompt: string;
  answer: string;
  /** The prompt's embedding (the cache's embedding); without it the entry answers exact matches only. */
  vector?: ArrayLike<number>;
  sources?: CacheSource[];
  usage: { inputTokens: number; outputTokens: number };
  costNanoUsd: bigint;
  origin: string;
}

export interface Candidate {
  entryId: string;
  version: string;
  similarity: number;
}

/**
 * Entries of the semantic cache: the entry JSON in Redis (the exact cache: one GET), its vector in
 * the vector store (the embedding's collection, filtered by tenant and scope). A point carries the
 * entry's version: a point left over from an earlier store of the same prompt never matches the
 * current entry, and points are only deleted by their own id, so removing a stale point can never
 * take a newer one with it.
 */
export class EntryStore {
  readonly collectionName: string;
  #collection: Promise<string> | undefined;
  readonly #writer: PointWriter;

  constructor(private readonly options: EntryStoreOptions) {
    this.collectionName = cacheCollectionName(options.embedding);
    this.#writer = new PointWriter(options.vectors, () => this.collection(), { waitMs: options.writeWaitMs, maxBatch: 256 });
  }

  /** The embedding's collection, created on first use (every process may race to create it). */
  collection(): Promise<string> {
    const { embedding, vectors } = this.options;
    this.#collection ??= vectors
      .ensureCollection({
        name: this.collectionName,
        dimensions: embedding.dimensions,
        distance: 'cosine',
        meta: { purpose: 'semantic-cache', model: embedding.model, dimensions: embedding.dimensions },
        keywordIndexes: ['metadata.scope'],
        annIndex: this.options.annIndex,
      })
      .then(() => this.collectionName);
    this.#collection.catch(() => (this.#collection = undefined));
    return this.#collection;
  }

  entryIdOf(scope: string, prompt: string): string {
    return sha256(`${scope}\u0000${normalizePrompt(prompt)}`).slice(0, 40);
  }

  pointIdOf(tenant: string, scope: string, entryId: string, version: string): string {
    return uuidV5(JSON.stringify([tenant, scope, entryId, version]), CACHE_POINT_NAMESPACE);
  }

  async get(tenant: string, scope: string, entryId: string): Promise<CacheEntry | undefined> {
    return (await this.getMany(tenant, scope, [entryId]))[0];
  }

  /** Entries by id (undefined: expired, removed, or not this tenant's). One MGET: one slot per scope. */
  async getMany(tenant: string, scope: string, entryIds: readonly string[]): Promise<(CacheEntry | undefined)[]> {
    if (entryIds.length === 0) return [];
    const raw = await this.options.redis.mget(...entryIds.map((id) => this.options.keys.entry(scope, id)));
    return raw.map((value) => {
      if (value === null) return undefined;
      const entry = readJson(CacheEntry, value);
      // Scope ids already include the tenant; this guards against a hash collision or a bug upstream.
      return entry.tenant === tenant && entry.scope === scope ? entry : undefined;
    });
  }

  /** Nearest points of the scope, best first, with exact cosine similarities. */
  async search(tenant: string, scope: string, vector: ArrayLike<number>, topK: number): Promise<Candidate[]> {
    const hits = await this.options.vectors.forTenant(tenant).search(await this.collection(), {
      vector: Array.from(vector),
      topK,
      filter: eq('metadata.scope', scope),
      exactScores: true,
    });
    return hits.map((hit) => ({ entryId: hit.payload.documentId, version: hit.payload.hash, similarity: hit.score }));
  }

  /** Stores (or replaces) the entry for this prompt; resolves once it is found by exact and similar lookups. */
  async put(tenant: string, scope: string, input: NewEntry): Promise<{ entryId: string; evicted: number }> {
    const { redis, keys, ttlSeconds } = this.options;
    const entryId = this.entryIdOf(scope, input.prompt);
    const version = randomBytes(8).toString('hex');
    const now = Date.now();
    const entry: CacheEntry = {
      tenant,
      scope,
      version,
      prompt: input.prompt,
      answer: input.answer,
      sources: input.sources ?? [],
      usage: input.usage,
      costNanoUsd: input.costNanoUsd.toString(),
      createdAt: new Date(now).toISOString(),
      origin: input.origin,
      semantic: input.vector !== undefined,
    };
    const info: ScopeInfo = { tenant, embedding: this.options.embedding, lastStoreAt: now };
    // The entry goes first: a point is never visible without its entry (a lookup would skip it).
    // One transaction per slot: the scope's keys share one, the scope registry has its own.
    const [replies] = await Promise.all([
      redis
        .multi()
        .set(keys.entry(scope, entryId), JSON.stringify(entry), 'EX', ttlSeconds, 'GET')
        .zadd(keys.lastUsed(scope), now, entryId)
        .zadd(keys.expiries(scope), now + ttlSeconds * 1_000, `${entryId}:${version}`)
        .exec(),
      redis.hset(keys.scopes, scope, JSON.stringify(info)),
    ]);
    if (input.vector) {
      await this.#writer.write(tenant, {
        id: this.pointIdOf(tenant, scope, entryId, version),
        vector: Array.from(input.vector),
        payload: { documentId: entryId, chunkIndex: 0, hash: version, text: '', start: 0, end: 0, metadata: { scope } },
      });
    }
    const previous = replies?.[0]?.[1];
    if (typeof previous === 'string') {
      const old = CacheEntry.safeParse(JSON.parse(previous));
      if (old.success && old.data.semantic && old.data.version !== version) await this.deletePoints(tenant, scope, [[entryId, old.data.version]]);
    }
    for (const source of entry.sources) {
      const key = keys.document(tenant, source.collection, source.documentId);
      await redis.multi().sadd(key, `${scope}|${entryId}`).expire(key, ttlSeconds).exec();
    }
    return { entryId, evicted: await this.evictOverCap(tenant, scope) };
  }

  /** Marks an entry used now (it is evicted last). */
  async touch(scope: string, entryId: string): Promise<void> {
    await this.options.redis.zadd(this.options.keys.lastUsed(scope), 'XX', Date.now(), entryId);
  }

  /** Removes an entry and its point; false when it was already gone. */
  async remove(tenant: string, scope: string, entryId: string): Promise<boolean> {
    const { redis, keys } = this.options;
    const replies = await redis.multi().get(keys.entry(scope, entryId)).del(keys.entry(scope, entryId)).zrem(keys.lastUsed(scope), entryId).exec();
    const raw = replies?.[0]?.[1];
    if (typeof raw !== 'string') return false;
    const entry = CacheEntry.safeParse(JSON.parse(raw));
    if (entry.success && entry.data.semantic) await this.deletePoints(tenant, scope, [[entryId, entry.data.version]]);
    return true;
  }

  /** Evicts the least used entries past the scope's cap; returns how many went. */
  async evictOverCap(tenant: string, scope: string): Promise<number> {
    const { redis, keys, maxEntriesPerScope } = this.options;
    const popped = (await redis.eval(EVICT, 1, keys.lastUsed(scope), maxEntriesPerScope)) as string[];
    const ids = popped.filter((_, i) => i % 2 === 0);
    for (const entryId of ids) await this.remove(tenant, scope, entryId);
    return ids.length;
  }

  /** Deletes points by (entryId, version); a point that does not exist is no error. */
  async deletePoints(
    tenant: string,
    scope: string,
    points: readonly (readonly [entryId: string, version: string])[],
    embedding: CacheEmbedding = this.options.embedding,
  ): Promise<void> {
    if (points.length === 0) return;
    const ids = points.map(([entryId, version]) => this.pointIdOf(tenant, scope, entryId, version));
    const mine = embeddingId(embedding) === embeddingId(this.options.embedding);
    try {
      await this.options.vectors.forTenant(tenant).deleteByIds(mine ? await this.collection() : cacheCollectionName(embedding), ids);
    } catch (error) {
      // A scope of another embedding whose collection is gone has no points left to delete.
      if (!(error instanceof CollectionNotFoundError)) throw error;
    }
  }

  /**
   * Deletes the points of expired entries of one scope (at most `limit`), forgets expired entries in
   * the usage order, and says whether the scope is now empty.
   */
  async sweepScope(scope: string, info: ScopeInfo, now: number, limit = 1_000): Promise<{ expired: number; empty: boolean }> {
    const { redis, keys } = this.options;
    const members = await redis.zrangebyscore(keys.expiries(scope), '-inf', now, 'LIMIT', 0, limit);
    if (members.length > 0) {
      const pairs = members.map((m) => m.split(':') as [string, string]);
      await this.deletePoints(info.tenant, scope, pairs, info.embedding);
      const entryIds = [...new Set(pairs.map(([entryId]) => entryId))];
      const alive = await redis.mget(...entryIds.map((id) => keys.entry(scope, id)));
      const gone = entryIds.filter((_, i) => alive[i] === null);
      const tx = redis.multi().zrem(keys.expiries(scope), ...members);
      if (gone.length) tx.zrem(keys.lastUsed(scope), ...gone);
      await tx.exec();
    }
    const [lru, exp] = await Promise.all([redis.zcard(keys.lastUsed(scope)), redis.zcard(keys.expiries(scope))]);
    return { expired: members.length, empty: lru === 0 && exp === 0 };
  }
}
