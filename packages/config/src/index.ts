export { parseEnv, loadOrExit, ConfigError } from './parse-env';
export { booleanFlag, port, positiveInt, redisUrl, queuePrefix, logLevel, byteSize, commaList } from './fields';
