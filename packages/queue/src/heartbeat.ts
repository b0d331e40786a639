import type { RedisClient } from '@llmops/redis';
import type { PlatformKeys } from './keys';

/** Workers report in every few seconds; `/readyz` counts those seen within the window. */
export class WorkerHeartbeats {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: PlatformKeys,
  ) {}

  async beat(workerId: string, now = Date.now()): Promise<void> {
    await this.redis.zadd(this.keys.workerHeartbeats, now, workerId);
  }

  async leave(workerId: string): Promise<void> {
    await this.redis.zrem(this.keys.workerHeartbeats, workerId);
  }

  /** Workers seen within `windowMs`; older entries are pruned on the way. */
  async seen(windowMs: number, now = Date.now()): Promise<string[]> {
    await this.redis.zremrangebyscore(this.keys.workerHeartbeats, '-inf', now - 10 * windowMs);
    return this.redis.zrangebyscore(this.keys.workerHeartbeats, now - windowMs, '+inf');
  }
}
