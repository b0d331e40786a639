export { createRedis, waitReady, redactUrl, isCluster, nodesOf, type RedisClient, type ConnectionOptions, type ConnectionRole } from './connection';
export { assertNoEviction, checkRedis, RedisEvictionPolicyError } from './eviction-check';
export { parseRedisTarget, isClusterUrl, RedisTargetError, type RedisTarget, type ClusterNode } from './target';
export { waitForReplicas } from './replicas';
