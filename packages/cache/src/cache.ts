import type { Redis } from 'ioredis';
import { literalsOf, normalizePrompt, sha256, stableJson } from './canonical';
import { cacheKeys } from './keys';
import { CacheStatsRecorder } from './stats';
import type { CacheEntry, CacheHit, CacheScopeInput, CacheSource } from './types';
import { unit, VectorIndex } from './vector-index';

/** Options for {@link createSemanticCache}. */
export interface SemanticCacheOptions {
  /** A client-role connection (the caller owns it). */
  redis: Redis;
  /** Key prefix of the deployment (keys go under `${prefix}:cache:`). */
  prefix: string;
  /** How long an entry lives. Default: 7 days. */
  ttlSeconds?: number;
  /** Candidates checked per similarity lookup (a candidate may have been invalidated). Default: 5. */
  candidates?: number;
  /**
   * Reject a similar prompt whose numbers or PII tokens differ ("pump station 14" vs "pump station
   * 1"): embeddings rate such pairs highly, yet they ask different things. Default: true.
   */
  requireSameLiterals?: boolean;
}

export interface StoreInput {
  prompt: string;
  answer: string;
  /** The prompt's embedding; without it the entry answers exact matches only. */
  vector?: ArrayLike<number>;
  sources?: CacheSource[];
  usage: { inputTokens: number; outputTokens: number };
  costNanoUsd: bigint;
  origin: string;
}

export interface SemanticCache {
  readonly stats: CacheStatsRecorder;
  /** The opaque scope id of a tenant/model/parameters/system/collection combination. */
  scopeOf(input: CacheScopeInput): string;
  /** A stored answer for the same normalized prompt in this scope. */
  lookupExact(tenant: string, scope: string, prompt: string): Promise<CacheHit | undefined>;
  /** The most similar stored prompt at or above `threshold` (cosine) in this scope. */
  lookupSimilar(tenant: string, scope: string, vector: ArrayLike<number>, threshold: number, prompt?: string): Promise<CacheHit | undefined>;
  /** Stores (or overwrites) the entry for this prompt; returns its id. */
  store(tenant: string, scope: string, input: StoreInput): Promise<string>;
  /** Drops every entry that cites one of these documents; returns how many entries went. */
  invalidateDocuments(tenant: string, collection: string, documentIds: readonly string[]): Promise<number>;
}

export function createSemanticCache(options: SemanticCacheOptions): SemanticCache {
  const { redis } = options;
  const keys = cacheKeys(options.prefix);
  const ttl = options.ttlSeconds ?? 7 * 86_400;
  const candidates = options.candidates ?? 5;
  const sameLiterals = options.requireSameLiterals ?? true;
  const stats = new CacheStatsRecorder(redis, keys);
  // Per-scope in-process mirrors of the Redis vector hashes, brought up to date incrementally.
  const local = new Map<string, { index: VectorIndex | undefined; lastSeq: number }>();

  const entryIdOf = (scope: string, prompt: string) => sha256(`${scope}\u0000${normalizePrompt(prompt)}`).slice(0, 40);

  const readEntry = async (tenant: string, entryId: string): Promise<CacheEntry | undefined> => {
    const raw = await redis.get(keys.entry(entryId));
    if (raw === null) return undefined;
    const entry = JSON.parse(raw) as CacheEntry;
    // Scope ids already include the tenant; this guards against a hash collision or a bug upstream.
    return entry.tenant === tenant ? entry : undefined;
  };

  const sync = async (scope: string) => {
    let state = local.get(scope);
    if (!state) local.set(scope, (state = { index: undefined, lastSeq: 0 }));
    for (;;) {
      const page = await redis.zrangebyscore(keys.sequence(scope), `(${state.lastSeq}`, '+inf', 'WITHSCORES', 'LIMIT', 0, 5_000);
      if (page.length === 0) return state;
      const ids: string[] = [];
      for (let i = 0; i < page.length; i += 2) ids.push(page[i]!);
      const buffers = await redis.hmgetBuffer(keys.vectors(scope), ...ids);
      ids.forEach((id, i) => {
        const buffer = buffers[i];
        if (!buffer) return;
        const vector = new Float32Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
        state.index ??= new VectorIndex(vector.length);
        if (vector.length === state.index.dimensions) state.index.add(id, vector);
      });
      state.lastSeq = Number(page[page.length - 1]);
      if (page.length < 10_000) return state;
    }
  };

  return {
    stats,
    scopeOf(input) {
      const { tenant, model, parameters, system, collection } = input;
      return sha256(stableJson({ tenant, model, parameters, system, collection: collection ?? null })).slice(0, 32);
    },
    async lookupExact(tenant, scope, prompt) {
      const entryId = entryIdOf(scope, prompt);
      const entry = await readEntry(tenant, entryId);
      return entry ? { kind: 'exact', entryId, similarity: 1, entry } : undefined;
    },
    async lookupSimilar(tenant, scope, vector, threshold, prompt) {
      const literals = prompt === undefined ? undefined : literalsOf(prompt);
      const state = await sync(scope);
      if (!state.index || state.index.dimensions !== vector.length) return undefined;
      for (const candidate of state.index.top(unit(vector), candidates, threshold)) {
        const entry = await readEntry(tenant, candidate.id);
        if (entry) {
          if (sameLiterals && literals !== undefined && literalsOf(entry.prompt) !== literals) continue;
          return { kind: 'semantic', entryId: candidate.id, similarity: candidate.similarity, entry };
        }
        // Expired or invalidated: forget it here and in Redis so no process scans it again.
        state.index.remove(candidate.id);
        await redis.multi().hdel(keys.vectors(scope), candidate.id).zrem(keys.sequence(scope), candidate.id).exec();
      }
      return undefined;
    },
    async store(tenant, scope, input) {
      const entryId = entryIdOf(scope, input.prompt);
      const entry: CacheEntry = {
        tenant,
        scope,
        prompt: input.prompt,
        answer: input.answer,
        sources: input.sources ?? [],
        usage: input.usage,
        costNanoUsd: input.costNanoUsd.toString(),
        createdAt: new Date().toISOString(),
        origin: input.origin,
      };
      const tx = redis.multi().set(keys.entry(entryId), JSON.stringify(entry), 'EX', ttl);
      if (input.vector) {
        const seq = await redis.incr(keys.counter);
        const vector = unit(input.vector);
        tx.hset(keys.vectors(scope), entryId, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength));
        tx.zadd(keys.sequence(scope), seq, entryId).expire(keys.vectors(scope), ttl).expire(keys.sequence(scope), ttl);
      }
      for (const source of entry.sources) {
        const key = keys.document(tenant, source.collection, source.documentId);
        tx.sadd(key, `${scope}|${entryId}`).expire(key, ttl);
      }
      await tx.exec();
      return entryId;
    },
    async invalidateDocuments(tenant, collection, documentIds) {
      let removed = 0;
      for (const documentId of documentIds) {
        const key = keys.document(tenant, collection, documentId);
        const members = await redis.smembers(key);
        const tx = redis.multi();
        for (const member of members) {
          const [scope, entryId] = member.split('|') as [string, string];
          tx.del(keys.entry(entryId)).hdel(keys.vectors(scope), entryId).zrem(keys.sequence(scope), entryId);
        }
        tx.del(key);
        const replies = await tx.exec();
        // Every third reply is the DEL of an entry: count the ones that still existed.
        removed += members.filter((_, i) => replies?.[i * 3]?.[1] === 1).length;
      }
      if (removed > 0) await stats.recordInvalidated(tenant, removed);
      return removed;
    },
  };
}
