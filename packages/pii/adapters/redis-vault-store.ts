import type { RedisClient } from '@llmops/redis';
import type { VaultStore } from '../src/vault-store';

/**
 * The pseudonym vault on Redis, shared by every worker replica: one hash per scope at
 * `<prefix>:vault:<scope>`. Values are already ciphertexts, HMACs or counters (the vault encrypts
 * before it stores), so nothing readable lands in Redis. HSETNX makes two replicas that meet the same
 * value at once agree on one token, and on the scope's epoch (field `e`): when the key is lost
 * (FLUSHALL, failover without persistence, EXPIRE), the next token starts a new epoch, so tokens
 * minted before the loss never resolve to new values.
 */
export function createRedisVaultStore(redis: RedisClient, options: { prefix: string; ttlSeconds?: number }): VaultStore {
  const key = (scope: string) => `${options.prefix}:vault:${scope}`;
  const touch = async (scope: string) => {
    if (options.ttlSeconds) await redis.expire(key(scope), options.ttlSeconds);
  };
  return {
    async get(scope, field) {
      return (await redis.hget(key(scope), field)) ?? undefined;
    },
    async getMany(scope, fields) {
      if (fields.length === 0) return [];
      return (await redis.hmget(key(scope), ...fields)).map((value) => value ?? undefined);
    },
    async setIfAbsent(scope, field, value) {
      const replies = await redis.multi().hsetnx(key(scope), field, value).hget(key(scope), field).exec();
      await touch(scope);
      return String(replies?.[1]?.[1] ?? value);
    },
    async increment(scope, counter) {
      const next = await redis.hincrby(key(scope), counter, 1);
      await touch(scope);
      return next;
    },
    async deleteScope(scope) {
      await redis.del(key(scope));
    },
  };
}
