import type { RedisClient } from '@llmops/redis';
import { FatalError, RateLimitedError } from './errors';
import { RECONCILE_SCRIPT, RESERVE_SCRIPT } from './limiter-script';

export interface LimiterOptions {
  /** Prefix of every key the limiter writes (tests use a unique one). Default: `"llmops"`. */
  keyPrefix?: string;
  /** Length of the sliding window the limits apply to. Default: 60,000 ms (per minute). */
  windowMs?: number;
  /** Sub-windows per window; more = closer to the limit, a little more work per call. Default: 20. */
  subWindows?: number;
  /** Extra time a sub-window stays counted, for calls still in flight. Default: 250 ms. */
  marginMs?: number;
  /** Longest total wait for one admission before a RateLimitedError. Default: 120,000 ms. */
  maxWaitMs?: number;
  /** Deny tenants holding their share while others wait. Default: true. */
  fairness?: boolean;
  /** How long a denied tenant's claim on fairness outlives its expected retry. Default: 2,000 ms. */
  waiterGraceMs?: number;
}

export interface Limits {
  rpm?: number | undefined;
  tpm?: number | undefined;
}

/** What `reserve` admitted; hand it back to `reconcile` once the real usage is known. */
export interface Reservation {
  /** The scope's keys (counts hash, fields sorted set); they share the scope's hash tag. */
  readonly keys: LimiterKeys;
  /** The sub-window the call was counted in. */
  readonly bucket: number;
  readonly tenant: string;
  readonly tokens: number;
}

/** The keys of one limiter scope: its counts, their buckets, its waiting tenants (one cluster slot). */
export interface LimiterKeys {
  readonly counts: string;
  readonly fields: string;
  readonly waiters: string;
}

/** Key producer of the limiter: one hash tag per scope, so a scope's script runs on Redis Cluster. */
export function limiterKeys(prefix: string, scope: string): LimiterKeys {
  const base = `${prefix}:lim:{${scope}}`;
  return { counts: `${base}:counts`, fields: `${base}:fields`, waiters: `${base}:waiters` };
}

export type ReserveResult = { ok: true; reservation: Reservation } | { ok: false; waitMs: number };

export interface RateLimiter {
  /** One atomic attempt: admit now, or say how long until it could fit. */
  tryReserve(scope: string, limits: Limits, tenant: string, tokens: number): Promise<ReserveResult>;
  /**
   * Waits (sleeping, not spinning) until admitted, or throws RateLimitedError after maxWaitMs.
   * An aborted `signal` ends the wait with the signal's reason. `onWait` is told each wait before it
   * is slept (for logs and metrics).
   */
  acquire(
    scope: string,
    limits: Limits,
    tenant: string,
    tokens: number,
    signal?: AbortSignal,
    onWait?: (waitMs: number) => void,
  ): Promise<Reservation | undefined>;
  /**
   * Replaces the reserved tokens with the real count, stamped now (when the call ended).
   * `keepRequest: false` (a 429: the provider did not count the call) also gives back the request.
   */
  reconcile(reservation: Reservation | undefined, actualTokens: number, options?: { keepRequest?: boolean }): Promise<void>;
}

export interface LimiterDeps {
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
}

type RedisWithScripts = RedisClient & {
  llmLimiterReserve(counts: string, fields: string, waiters: string, ...args: (string | number)[]): Promise<[number, number, number]>;
  llmLimiterReconcile(counts: string, fields: string, ...args: (string | number)[]): Promise<number>;
};

/** A Redis-backed limiter shared by every process that uses the same Redis and key prefix. */
export function createRateLimiter(redis: RedisClient, options: LimiterOptions = {}, deps: LimiterDeps = {}): RateLimiter {
  const prefix = options.keyPrefix ?? 'llmops';
  const windowMs = options.windowMs ?? 60_000;
  const bucketMs = Math.max(1, Math.floor(windowMs / (options.subWindows ?? 20)));
  const maxWaitMs = options.maxWaitMs ?? 120_000;
  const graceMs = options.waiterGraceMs ?? 2_000;
  const marginMs = options.marginMs ?? 250;
  const fair = options.fairness ?? true;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;

  const r = redis as RedisWithScripts;
  if (typeof r.llmLimiterReserve !== 'function') {
    redis.defineCommand('llmLimiterReserve', { numberOfKeys: 3, lua: RESERVE_SCRIPT });
    redis.defineCommand('llmLimiterReconcile', { numberOfKeys: 2, lua: RECONCILE_SCRIPT });
  }

  const tryReserve: RateLimiter['tryReserve'] = async (scope, limits, tenant, tokens) => {
    const keys = limiterKeys(prefix, scope);
    const [code, value] = await r.llmLimiterReserve(
      keys.counts,
      keys.fields,
      keys.waiters,
      windowMs,
      bucketMs,
      limits.rpm ?? 0,
      limits.tpm ?? 0,
      Math.ceil(tokens),
      tenant,
      graceMs,
      fair ? '1' : '0',
      marginMs,
    );
    if (code === -1) throw new FatalError(`a call of ${tokens} tokens can never fit ${scope}'s limit of ${limits.tpm} tokens per window`);
    if (code === 0) return { ok: false, waitMs: value };
    return { ok: true, reservation: { keys, bucket: value, tenant, tokens: Math.ceil(tokens) } };
  };

  return {
    tryReserve,
    async acquire(scope, limits, tenant, tokens, signal, onWait) {
      if (!limits.rpm && !limits.tpm) return undefined;
      const started = now();
      for (;;) {
        signal?.throwIfAborted();
        const result = await tryReserve(scope, limits, tenant, tokens);
        if (result.ok) return result.reservation;
        if (now() - started + result.waitMs > maxWaitMs) {
          throw new RateLimitedError(`limiter for ${scope} could not admit ${tokens} tokens within ${maxWaitMs} ms`, { retryAfterMs: result.waitMs });
        }
        // A little jitter so replicas woken by the same bucket expiry do not collide on it.
        const delay = result.waitMs + Math.floor(random() * Math.min(50, bucketMs / 4));
        onWait?.(delay);
        await (signal ? abortable(sleep(delay), signal) : sleep(delay));
      }
    },
    async reconcile(reservation, actualTokens, opts = {}) {
      if (!reservation) return;
      await r.llmLimiterReconcile(
        reservation.keys.counts,
        reservation.keys.fields,
        reservation.bucket,
        reservation.tenant,
        reservation.tokens,
        Math.max(0, Math.ceil(actualTokens)),
        opts.keepRequest === false ? '0' : '1',
        windowMs,
        bucketMs,
        marginMs,
      );
    },
  };
}

function abortable(wait: Promise<void>, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    void wait.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}
