import type { RedisClient } from '@llmops/redis';
import { z } from 'zod';
import { limitsKeys } from '../keys';

/** The fairness hash as the scripts write it: integer fields. */
const FairState = z.record(z.string(), z.string().regex(/^\d+$/).transform(Number));

/** BullMQ's highest priority number (`PRIORITY_LIMIT` in bullmq's job.js: 2^21 - 1). */
export const BULLMQ_MAX_PRIORITY = 2 ** 21 - 1;

/**
 * Start-time fair queuing tags. KEYS[1] the queue's state hash (V = virtual time, max = highest tag
 * given, at = last assignment ms, t:<tenant> = the tenant's last tag). A tenant's n jobs get the
 * consecutive tags after max(V, its last tag). ARGV: tenant field, n, now ms. Returns the first tag.
 */
const ASSIGN = `
local V = tonumber(redis.call('HGET', KEYS[1], 'V') or '0')
local last = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
local n = tonumber(ARGV[2])
local first = math.max(V, last) + 1
local top = first + n - 1
redis.call('HSET', KEYS[1], ARGV[1], top, 'at', ARGV[3])
if top > tonumber(redis.call('HGET', KEYS[1], 'max') or '0') then redis.call('HSET', KEYS[1], 'max', top) end
return first
`;

/** A job started: V advances to its tag (never back: a retried old job does not rewind it). ARGV: tag. */
const STARTED = `
local V = tonumber(redis.call('HGET', KEYS[1], 'V') or '0')
if tonumber(ARGV[1]) > V then redis.call('HSET', KEYS[1], 'V', ARGV[1]) end
return 1
`;

/** Forgets the queue's tags if nothing was assigned for ARGV[2] ms (ARGV[1] = now). Returns 1 if reset. */
const RESET_IF_QUIET = `
local at = tonumber(redis.call('HGET', KEYS[1], 'at') or '0')
if tonumber(ARGV[1]) - at < tonumber(ARGV[2]) then return 0 end
redis.call('DEL', KEYS[1])
return 1
`;

export interface FairOptions {
  keyPrefix: string;
  /**
   * Tags per BullMQ priority (K). Larger = more jobs before the priority ceiling (2^21 x K tags); a
   * newcomer may wait behind up to K jobs of each busy tenant. Default 16.
   */
  groupSize?: number;
  /** Off = every job gets no priority (BullMQ's plain FIFO); for comparison and emergencies. Default true. */
  enabled?: boolean;
  /** `drained` resets a queue only if nothing was assigned for this long. Default 2,000 ms. */
  quietMs?: number;
  /** Default Date.now. */
  now?: () => number;
}

export interface FairAssignment {
  /** Fair-queuing tags, one per job, in order. */
  tags: number[];
  /** BullMQ priority per job (`opts.priority`); undefined when fairness is off. */
  priorities: (number | undefined)[];
}

export interface FairScheduler {
  readonly enabled: boolean;
  readonly groupSize: number;
  /** Tags and priorities for `n` new jobs of `tenant` on `queue` (a bulk request: consecutive tags). */
  assign(queue: string, tenant: string, n?: number): Promise<FairAssignment>;
  /** A worker started a job with this BullMQ priority: virtual time advances to its group. */
  started(queue: string, priority: number | undefined): Promise<void>;
  /** Call on the Worker's `drained` event: a quiet, empty queue starts its tags over. */
  drained(queue: string): Promise<boolean>;
  /** The queue's state, for tests and operators. */
  state(queue: string): Promise<{ virtualTime: number; maxTag: number; tenants: Record<string, number> }>;
}

type RedisWithFair = RedisClient & {
  limitsFairAssign(key: string, ...args: (string | number)[]): Promise<number>;
  limitsFairStarted(key: string, ...args: (string | number)[]): Promise<number>;
  limitsFairReset(key: string, ...args: (string | number)[]): Promise<number>;
};

/**
 * Fair scheduling across tenants on BullMQ's open-source priorities: start-time fair queuing tags,
 * grouped K to a priority, clamped at BullMQ's ceiling (where order degrades to FIFO).
 */
export function createFairScheduler(redis: RedisClient, options: FairOptions): FairScheduler {
  const keys = limitsKeys(options.keyPrefix);
  const K = options.groupSize ?? 16;
  const enabled = options.enabled ?? true;
  const now = options.now ?? Date.now;
  if (!Number.isInteger(K) || K < 1) throw new RangeError(`groupSize must be a positive integer, got ${K}`);
  const r = redis as RedisWithFair;
  if (typeof r.limitsFairAssign !== 'function') {
    redis.defineCommand('limitsFairAssign', { numberOfKeys: 1, lua: ASSIGN });
    redis.defineCommand('limitsFairStarted', { numberOfKeys: 1, lua: STARTED });
    redis.defineCommand('limitsFairReset', { numberOfKeys: 1, lua: RESET_IF_QUIET });
  }
  return {
    enabled,
    groupSize: K,
    async assign(queue, tenant, n = 1) {
      if (!enabled) return { tags: [], priorities: Array.from({ length: n }, () => undefined) };
      const first = await r.limitsFairAssign(keys.fair(queue), `t:${tenant}`, n, now());
      const tags = Array.from({ length: n }, (_, i) => first + i);
      return { tags, priorities: tags.map((tag) => priorityOfTag(tag, K)) };
    },
    async started(queue, priority) {
      if (!enabled || !priority) return;
      // The group's first tag: a newcomer's tag then lands in the group being served.
      await r.limitsFairStarted(keys.fair(queue), (priority - 1) * K);
    },
    async drained(queue) {
      return (await r.limitsFairReset(keys.fair(queue), now(), options.quietMs ?? 2_000)) === 1;
    },
    async state(queue) {
      const raw = FairState.parse(await redis.hgetall(keys.fair(queue)));
      const tenants: Record<string, number> = {};
      for (const [field, value] of Object.entries(raw)) if (field.startsWith('t:')) tenants[field.slice(2)] = value;
      return { virtualTime: raw.V ?? 0, maxTag: raw.max ?? 0, tenants };
    },
  };
}

/** floor(tag / K) + 1, clamped at BullMQ's ceiling (beyond it every job shares the last priority: FIFO). */
export function priorityOfTag(tag: number, groupSize: number): number {
  return Math.min(Math.floor(tag / groupSize) + 1, BULLMQ_MAX_PRIORITY);
}
