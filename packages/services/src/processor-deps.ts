import type { PlatformServices } from './services';
import type { Logger } from '@llmops/logger';
import type { RedisClient } from '@llmops/redis';

/** What every processor factory gets: the platform services, a client Redis connection, the key prefix. */
export interface ProcessorDeps {
  services: PlatformServices;
  redis: RedisClient;
  prefix: string;
  logger: Logger;
}
