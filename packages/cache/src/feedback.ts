import type { RedisClient } from '@llmops/redis';
import { z } from 'zod';
import { embeddingId, type CacheEmbedding } from './embedding';
import type { EntryStore } from './entries';
import type { CacheKeys } from './keys';
import { promptKey } from './lookup';
import type { CacheStatsRecorder } from './stats';
import { readJson } from '@llmops/contracts';

/** What the worker keeps of each hit it served, so a report can find the entry and the pair. */
export const HitRecord = z.object({
  tenant: z.string(),
  scope: z.string(),
  entryId: z.string(),
  kind: z.enum(['exact', 'semantic', 'coalesced']),
  similarity: z.number(),
  /** The asker's canonical (pseudonymized) prompt. */
  prompt: z.string(),
  /** The entry's canonical prompt. */
  entryPrompt: z.string(),
  embedding: z.object({ model: z.string(), dimensions: z.number().int() }),
});
export type HitRecord = z.infer<typeof HitRecord>;

export type FeedbackOutcome =
  | { status: 'reported'; kind: HitRecord['kind']; similarity: number; entryRemoved: boolean }
  | { status: 'already-reported'; kind: HitRecord['kind']; similarity: number }
  | { status: 'not-a-hit' };

/** One row of the observed statistics: semantic hits served in one similarity bin, and those reported wrong. */
export interface ObservedRow {
  /** Lower edge of the 0.01-wide bin. */
  similarity: number;
  served: number;
  wrong: number;
}

export interface FeedbackOptions {
  /** How long a job's hits can be reported after it ran. Default: 7 days. */
  windowSeconds?: number;
  /** Wrong-hit pairs kept per tenant and embedding for calibration. Default: 1,000. */
  maxPairs?: number;
  /** How long a reported pair stays blocked (at least the entry TTL). Default: 30 days. */
  blockSeconds?: number;
}

const bin = (similarity: number) => String(Math.max(0, Math.min(100, Math.floor(similarity * 100 + 1e-9))));

/**
 * Feedback on served hits. A report (by job and item) removes the entry, blocks that entry from ever
 * answering that prompt again, counts the wrong hit, adds it to the per-similarity statistics and
 * keeps the prompt pair (canonical, pseudonymized) as a labelled negative for calibration.
 */
export class CacheFeedback {
  readonly #window: number;
  readonly #maxPairs: number;
  readonly #block: number;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: CacheKeys,
    private readonly deps: { entries?: EntryStore; stats: CacheStatsRecorder },
    options: FeedbackOptions = {},
  ) {
    this.#window = options.windowSeconds ?? 7 * 86_400;
    this.#maxPairs = options.maxPairs ?? 1_000;
    this.#block = options.blockSeconds ?? 30 * 86_400;
  }

  /** Remembers a hit an item was served (and counts it in its similarity bin). */
  async recordHit(jobId: string, itemId: string, record: HitRecord): Promise<void> {
    const key = this.keys.hits(jobId);
    // Separate commands: the job's key and the tenant's statistics live in different cluster slots.
    await Promise.all([
      this.redis.multi().hset(key, itemId, JSON.stringify(record)).expire(key, this.#window).exec(),
      record.kind === 'semantic'
        ? this.redis.hincrby(this.keys.similarity(record.tenant, embeddingId(record.embedding)), `s:${bin(record.similarity)}`, 1)
        : undefined,
    ]);
  }

  /** Marks the hit served to this item wrong. Reporting the same item again changes nothing. */
  async reportWrong(tenant: string, jobId: string, itemId: string): Promise<FeedbackOutcome> {
    const key = this.keys.hits(jobId);
    const raw = await this.redis.hget(key, itemId);
    if (raw === null) return { status: 'not-a-hit' };
    const record = readJson(HitRecord, raw);
    if (record.tenant !== tenant) return { status: 'not-a-hit' };
    if ((await this.redis.hsetnx(key, `reported:${itemId}`, '1')) === 0)
      return { status: 'already-reported', kind: record.kind, similarity: record.similarity };
    const blocked = this.keys.blocked(record.scope);
    await this.redis
      .multi()
      .sadd(blocked, `${promptKey(record.prompt)}|${record.entryId}`)
      .expire(blocked, this.#block)
      .exec();
    const entryRemoved = (await this.deps.entries?.remove(tenant, record.scope, record.entryId)) ?? false;
    const embedding = embeddingId(record.embedding);
    const pairs = this.keys.feedbackPairs(tenant, embedding);
    if (record.kind === 'semantic') {
      await Promise.all([
        this.redis.hincrby(this.keys.similarity(tenant, embedding), `w:${bin(record.similarity)}`, 1),
        this.redis
          .multi()
          .lpush(pairs, JSON.stringify({ a: record.prompt, b: record.entryPrompt, same: false }))
          .ltrim(pairs, 0, this.#maxPairs - 1)
          .expire(pairs, 90 * 86_400)
          .exec(),
      ]);
    }
    await this.deps.stats.recordWrongHits(tenant, 1);
    return { status: 'reported', kind: record.kind, similarity: record.similarity, entryRemoved };
  }

  /** Served and wrong semantic hits per similarity bin, highest first (bins with neither are left out). */
  async observed(tenant: string, embedding: CacheEmbedding): Promise<ObservedRow[]> {
    const raw = await this.redis.hgetall(this.keys.similarity(tenant, embeddingId(embedding)));
    const rows = new Map<number, ObservedRow>();
    for (const [field, count] of Object.entries(raw)) {
      const [kind, at] = field.split(':') as ['s' | 'w', string];
      const row = rows.get(Number(at)) ?? { similarity: Number(at) / 100, served: 0, wrong: 0 };
      if (kind === 's') row.served += Number(count);
      else row.wrong += Number(count);
      rows.set(Number(at), row);
    }
    return [...rows.values()].sort((a, b) => b.similarity - a.similarity);
  }

  /** Prompt pairs reported wrong (labelled different), newest first. */
  async pairs(tenant: string, embedding: CacheEmbedding): Promise<{ a: string; b: string; same: false }[]> {
    const raw = await this.redis.lrange(this.keys.feedbackPairs(tenant, embeddingId(embedding)), 0, -1);
    const Pair = z.object({ a: z.string(), b: z.string(), same: z.literal(false) });
    return raw.map((line) => readJson(Pair, line));
  }
}
