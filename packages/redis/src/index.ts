export { createRedis, waitReady, redactUrl, type ConnectionOptions, type ConnectionRole } from './connection';
export { assertNoEviction, checkRedis, RedisEvictionPolicyError } from './eviction-check';
