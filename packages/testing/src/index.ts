export { startRedisServer, freePort, type OwnRedis } from './redis-server';
export { startRedisCluster, type OwnRedisCluster, type RedisClusterOptions } from './redis-cluster';
export { waitFor, sleep } from './wait';
export { uniquePrefix, deleteKeys, dumpValues } from './redis-cleanup';
export { readSse, type SseEvent } from './sse';
