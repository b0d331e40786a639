import { randomUUID } from 'node:crypto';
import type { RedisClient } from '@llmops/redis';
import type { PlatformKeys } from './keys';

/** Raised when a submission with the same key and body is still being created by another request. */
export class IdempotencyInProgressError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('a request with this Idempotency-Key is still being processed');
    this.name = 'IdempotencyInProgressError';
  }
}

export type Claim =
  /** This request owns the key: create the job(s), then `commit` (or `release` on failure). */
  | { kind: 'won'; commit(): Promise<void>; release(): Promise<void> }
  /** An earlier request with the same body created the job(s). */
  | { kind: 'replayed' }
  /** An earlier request used the key with another body. */
  | { kind: 'conflict' };

export interface ClaimOptions {
  /** How long a finished claim is remembered (the job retention). */
  retentionSeconds: number;
  /** A claim whose owner died before committing frees itself after this long. Default 60 s. */
  pendingSeconds?: number;
  /** How long a same-body request waits for the owner to finish. Default 10 s. */
  waitMs?: number;
  /** Default 25 ms. */
  pollMs?: number;
}

// Compare-and-set / compare-and-delete on the claim's value, so only its owner can finish or free it.
const COMMIT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3]) end return false`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * Takes an Idempotency-Key atomically before anything is written: exactly one of any number of racing
 * requests wins and creates the job; the others learn whether they sent the same body (replayed, once
 * the winner has finished) or another one (conflict). The claim key is named by the job id, which is a
 * hash of tenant, job type and key, so the key itself never appears in a Redis key name.
 *
 * Values: `p:<requestHash>:<nonce>` while the winner works, `d:<requestHash>` once its job exists.
 */
export async function claimIdempotencyKey(
  redis: RedisClient,
  keys: PlatformKeys,
  claim: { jobId: string; requestHash: string },
  options: ClaimOptions,
): Promise<Claim> {
  const key = keys.idempotencyClaim(claim.jobId);
  const pending = `p:${claim.requestHash}:${randomUUID()}`;
  const deadline = Date.now() + (options.waitMs ?? 10_000);
  for (;;) {
    const taken = await redis.set(key, pending, 'EX', options.pendingSeconds ?? 60, 'NX');
    if (taken === 'OK') {
      return {
        kind: 'won',
        commit: async () => {
          await redis.eval(COMMIT, 1, key, pending, `d:${claim.requestHash}`, options.retentionSeconds);
        },
        release: async () => {
          await redis.eval(RELEASE, 1, key, pending);
        },
      };
    }
    const value = await redis.get(key);
    if (value === null) continue; // the owner released it between our two commands: try again
    const [state, hash] = value.split(':');
    if (hash !== claim.requestHash) return { kind: 'conflict' };
    if (state === 'd') return { kind: 'replayed' };
    if (Date.now() >= deadline) throw new IdempotencyInProgressError(1);
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 25));
  }
}
