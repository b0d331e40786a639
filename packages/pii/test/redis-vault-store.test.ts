import { Redis } from 'ioredis';
import { afterAll } from 'vitest';
import { createRedisVaultStore } from '../adapters/redis-vault-store';
import { vaultStoreContract } from '../testing/vault-store-contract';

// The contract suite every VaultStore passes, here against the real Redis.
const redis = new Redis('redis://127.0.0.1:6379');
const prefix = `t-vault-${process.pid}-${Date.now()}`;
afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

vaultStoreContract('redis', async () => ({ store: createRedisVaultStore(redis, { prefix, ttlSeconds: 600 }) }));
