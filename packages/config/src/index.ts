export { parseEnv, loadOrExit, ConfigError } from './parse-env';
export { booleanFlag, port, positiveInt, redisUrl, redisClusterNodes, effectiveRedisUrl, queuePrefix, logLevel, byteSize, commaList } from './fields';
