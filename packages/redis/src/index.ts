export { createRedis, waitReady, redactUrl, type ConnectionOptions, type ConnectionRole } from './connection';
export { assertNoEviction, RedisEvictionPolicyError } from './eviction-check';
