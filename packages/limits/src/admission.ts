import type { RedisClient } from '@llmops/redis';
import { limitsKeys } from './keys';

/**
 * Admits jobs all-or-nothing: ids already admitted count once (a replayed submission), the rest must
 * fit `maxJobs` (waiting + active) and `maxWaitingBytes` (stored payloads of waiting jobs).
 * KEYS: jobs zset, bytes hash. ARGV: now, maxJobs, maxBytes, then id, bytes pairs.
 * Returns {1, jobs, bytes} or {0, 1 (jobs) | 2 (bytes), current, requested}.
 */
const ADMIT = `
local now, maxJobs, maxBytes = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local fresh, add = {}, 0
for i = 4, #ARGV, 2 do
  if not redis.call('ZSCORE', KEYS[1], ARGV[i]) then
    fresh[#fresh + 1] = i
    add = add + tonumber(ARGV[i + 1])
  end
end
local jobs = redis.call('ZCARD', KEYS[1])
local bytes = tonumber(redis.call('HGET', KEYS[2], 'total') or '0')
if #fresh == 0 then return {1, jobs, bytes} end
if jobs + #fresh > maxJobs then return {0, 1, jobs, #fresh} end
if bytes + add > maxBytes then return {0, 2, bytes, add} end
for _, i in ipairs(fresh) do
  redis.call('ZADD', KEYS[1], now, ARGV[i])
  if tonumber(ARGV[i + 1]) > 0 then redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]) end
end
if add > 0 then redis.call('HINCRBY', KEYS[2], 'total', add) end
return {1, jobs + #fresh, bytes + add}
`;

/**
 * Holds ARGV[2] bytes under holder ARGV[1] (a stored file, not a job) when the total stays within
 * ARGV[3]; a holder already held counts once. Returns {1, total} or {0, total}.
 */
const HOLD_BYTES = `
local total = tonumber(redis.call('HGET', KEYS[1], 'total') or '0')
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return {1, total} end
local bytes = tonumber(ARGV[2])
if total + bytes > tonumber(ARGV[3]) then return {0, total} end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HINCRBY', KEYS[1], 'total', bytes)
return {1, total + bytes}
`;

/** Gives back a job's stored bytes (it started or ended) and, with ARGV[2] = '1', its slot. Idempotent. */
const RELEASE = `
local b = redis.call('HGET', KEYS[2], ARGV[1])
if b then
  redis.call('HDEL', KEYS[2], ARGV[1])
  if tonumber(redis.call('HINCRBY', KEYS[2], 'total', -tonumber(b))) <= 0 then redis.call('HDEL', KEYS[2], 'total') end
end
if ARGV[2] == '1' then return redis.call('ZREM', KEYS[1], ARGV[1]) end
return 0
`;

export interface AdmitJob {
  id: string;
  /** Bytes its payload (and items) take in Redis while it waits. Default 0. */
  bytes?: number;
}

export type AdmissionRefusal = {
  limit: 'concurrency.maxJobs' | 'storage.maxWaitingBytes';
  cap: number;
  /** Jobs unfinished, or bytes waiting, now. */
  current: number;
  requested: number;
};

export type AdmitResult = { ok: true; jobs: number; waitingBytes: number } | { ok: false; refusal: AdmissionRefusal };

export interface AdmissionOptions {
  keyPrefix: string;
  /**
   * Tells whether a job id is still waiting or active (e.g. BullMQ `getState`). Consulted only at the
   * cap, for the oldest members, so a missed release (a crashed worker) does not keep a slot forever.
   * Default: none (no self-healing).
   */
  isUnfinished?: (jobId: string) => Promise<boolean>;
  /** Oldest members checked when at the cap. Default 20. */
  healBatch?: number;
  /** Members younger than this are never checked (their job may not be enqueued yet). Default 60,000 ms. */
  healMinAgeMs?: number;
  /** Default Date.now. */
  now?: () => number;
}

export interface Admission {
  /** Admits every job or none. */
  admit(tenant: string, jobs: readonly AdmitJob[], caps: { maxJobs: number; maxWaitingBytes: number }): Promise<AdmitResult>;
  /** A job started: its stored bytes no longer wait. Idempotent. */
  started(tenant: string, jobId: string): Promise<void>;
  /**
   * Holds stored bytes that are not a job's (an uploaded file) against the same waiting-bytes limit,
   * under `holder`; refused (with the bytes held now) when they do not fit. Idempotent per holder.
   */
  holdBytes(tenant: string, holder: string, bytes: number, maxWaitingBytes: number): Promise<{ ok: boolean; current: number }>;
  /** Gives back what `holdBytes` held. Idempotent. */
  releaseBytes(tenant: string, holder: string): Promise<void>;
  /** A job ended (completed, failed, cancelled, removed): its slot and bytes are given back. Idempotent. */
  release(tenant: string, jobId: string): Promise<void>;
  /** Unfinished jobs and waiting bytes now. */
  usage(tenant: string): Promise<{ jobs: number; waitingBytes: number }>;
}

type RedisWithAdmission = RedisClient & {
  limitsAdmit(k1: string, k2: string, ...args: (string | number)[]): Promise<number[]>;
  limitsRelease(k1: string, k2: string, ...args: (string | number)[]): Promise<number>;
  limitsHoldBytes(k1: string, holder: string, bytes: number, cap: number): Promise<[number, number]>;
};

/** Per-tenant concurrency and waiting-bytes admission, shared by every replica. */
export function createAdmission(redis: RedisClient, options: AdmissionOptions): Admission {
  const keys = limitsKeys(options.keyPrefix);
  const now = options.now ?? Date.now;
  const r = redis as RedisWithAdmission;
  if (typeof r.limitsAdmit !== 'function') {
    redis.defineCommand('limitsAdmit', { numberOfKeys: 2, lua: ADMIT });
    redis.defineCommand('limitsRelease', { numberOfKeys: 2, lua: RELEASE });
    redis.defineCommand('limitsHoldBytes', { numberOfKeys: 1, lua: HOLD_BYTES });
  }
  const release = async (tenant: string, jobId: string, slot: boolean) => {
    await r.limitsRelease(keys.jobs(tenant), keys.waitingBytes(tenant), jobId, slot ? '1' : '0');
  };

  const tryAdmit = async (tenant: string, jobs: readonly AdmitJob[], caps: { maxJobs: number; maxWaitingBytes: number }): Promise<AdmitResult> => {
    const args = jobs.flatMap((job) => [job.id, Math.max(0, Math.ceil(job.bytes ?? 0))]);
    const [ok, a = 0, b = 0, c = 0] = await r.limitsAdmit(keys.jobs(tenant), keys.waitingBytes(tenant), now(), caps.maxJobs, caps.maxWaitingBytes, ...args);
    if (ok === 1) return { ok: true, jobs: a, waitingBytes: b };
    return a === 1
      ? { ok: false, refusal: { limit: 'concurrency.maxJobs', cap: caps.maxJobs, current: b, requested: c } }
      : { ok: false, refusal: { limit: 'storage.maxWaitingBytes', cap: caps.maxWaitingBytes, current: b, requested: c } };
  };

  /** Releases the oldest members whose jobs have ended; true when any was released. */
  const heal = async (tenant: string): Promise<boolean> => {
    const check = options.isUnfinished;
    if (!check) return false;
    const oldest = await redis.zrangebyscore(keys.jobs(tenant), '-inf', now() - (options.healMinAgeMs ?? 60_000), 'LIMIT', 0, options.healBatch ?? 20);
    const ended = (await Promise.all(oldest.map(async (id) => ((await check(id)) ? undefined : id)))).filter((id) => id !== undefined);
    await Promise.all(ended.map((id) => release(tenant, id, true)));
    return ended.length > 0;
  };

  return {
    async admit(tenant, jobs, caps) {
      if (jobs.length === 0) return { ok: true, ...(await this.usage(tenant)) };
      const first = await tryAdmit(tenant, jobs, caps);
      if (first.ok || !(await heal(tenant))) return first;
      return tryAdmit(tenant, jobs, caps);
    },
    started: (tenant, jobId) => release(tenant, jobId, false),
    async holdBytes(tenant, holder, bytes, maxWaitingBytes) {
      const [ok, current] = await r.limitsHoldBytes(keys.waitingBytes(tenant), holder, Math.max(0, Math.ceil(bytes)), maxWaitingBytes);
      return { ok: ok === 1, current };
    },
    releaseBytes: (tenant, holder) => release(tenant, holder, false),
    release: (tenant, jobId) => release(tenant, jobId, true),
    async usage(tenant) {
      const [jobs, bytes] = await Promise.all([redis.zcard(keys.jobs(tenant)), redis.hget(keys.waitingBytes(tenant), 'total')]);
      return { jobs, waitingBytes: Number(bytes ?? 0) };
    },
  };
}
