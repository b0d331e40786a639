export { startRedisServer, freePort, type OwnRedis } from './redis-server';
export { waitFor, sleep } from './wait';
export { uniquePrefix, deleteKeys, dumpValues } from './redis-cleanup';
export { readSse, type SseEvent } from './sse';
