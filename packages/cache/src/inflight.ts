import { randomBytes } from 'node:crypto';
import type { RedisClient } from '@llmops/redis';
import type { CacheKeys } from './keys';

/** Extends the lease only while the caller still owns it. */
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
/** Releases the lease only if the caller still owns it (an expired lease may belong to someone else now). */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** Options of {@link InflightCalls}. */
export interface InflightOptions {
  /**
   * How long a lease lives without renewal: a crashed owner blocks identical requests at most this
   * long. The owner renews it every third of it while its call runs. Default: 15,000 ms.
   */
  leaseMs?: number;
  /** First poll interval of a waiter; it doubles up to `maxPollMs`. Default: 20 ms. */
  pollMs?: number;
  /** Longest poll interval of a waiter. Default: 250 ms. */
  maxPollMs?: number;
}

/** What {@link InflightCalls.run} did: led the call, or waited for an identical one. */
export type InflightOutcome<T> = { led: true; value: T } | { led: false; value: T };

/**
 * In-flight coalescing: of identical requests (same scope and exact key) running at the same time, in
 * one job, across jobs or across worker replicas, one makes the provider call; the others wait for it
 * and then read its answer from the cache. The one in flight holds a Redis lease (SET NX PX, renewed
 * while it runs), so a crashed owner blocks the others for one lease at most: then one of them takes
 * over.
 */
export class InflightCalls {
  readonly #leaseMs: number;
  readonly #pollMs: number;
  readonly #maxPollMs: number;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: CacheKeys,
    options: InflightOptions = {},
  ) {
    this.#leaseMs = options.leaseMs ?? 15_000;
    this.#pollMs = options.pollMs ?? 20;
    this.#maxPollMs = options.maxPollMs ?? 250;
  }

  /**
   * Runs `lead` if no identical call is in flight. Otherwise waits until the one in flight ends and
   * returns `follow()` (e.g. the entry it stored); if that gives nothing (it failed, or crashed and its
   * lease ran out), this caller tries to lead instead.
   */
  async run<T>(
    scope: string,
    entryId: string,
    handlers: { lead: () => Promise<T>; follow: () => Promise<T | undefined>; signal?: AbortSignal },
  ): Promise<InflightOutcome<T>> {
    const key = this.keys.inflight(scope, entryId);
    for (;;) {
      handlers.signal?.throwIfAborted();
      const token = randomBytes(12).toString('hex');
      if ((await this.redis.set(key, token, 'PX', this.#leaseMs, 'NX')) === 'OK') return { led: true, value: await this.#holding(key, token, handlers.lead) };
      await this.#waitUntilFree(key, handlers.signal);
      const value = await handlers.follow();
      if (value !== undefined) return { led: false, value };
    }
  }

  async #holding<T>(key: string, token: string, lead: () => Promise<T>): Promise<T> {
    const renew = setInterval(
      () => {
        this.redis.eval(RENEW, 1, key, token, this.#leaseMs).catch(() => undefined);
      },
      Math.max(10, Math.floor(this.#leaseMs / 3)),
    );
    try {
      return await lead();
    } finally {
      clearInterval(renew);
      await this.redis.eval(RELEASE, 1, key, token).catch(() => undefined);
    }
  }

  async #waitUntilFree(key: string, signal: AbortSignal | undefined): Promise<void> {
    let interval = this.#pollMs;
    while ((await this.redis.exists(key)) === 1) {
      signal?.throwIfAborted();
      await new Promise((resolve) => setTimeout(resolve, interval));
      interval = Math.min(this.#maxPollMs, interval * 2);
    }
  }
}
