import { deleteKeys, uniquePrefix } from '@llmops/testing';
import { Redis } from 'ioredis';

export const REDIS_URL = 'redis://127.0.0.1:6379';

/** A connection as an API replica would hold one; errors surface through commands. */
export function connect(): Redis {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 3 });
  redis.on('error', () => {});
  return redis;
}

export function testPrefix(label: string): string {
  return uniquePrefix(`limits-${label}`);
}

export function cleanup(prefix: string): Promise<void> {
  return deleteKeys(REDIS_URL, prefix);
}
