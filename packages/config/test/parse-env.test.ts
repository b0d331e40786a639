import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { booleanFlag, byteSize, ConfigError, effectiveRedisUrl, parseEnv, port, redisClusterNodes, redisUrl } from '../src';

const schema = z.object({
  PORT: port(3000),
  REDIS_URL: redisUrl,
  VERBOSE: booleanFlag(true),
  BODY_LIMIT: byteSize('1mb'),
});

describe('parseEnv', () => {
  it('applies defaults and parses values', () => {
    expect(parseEnv(schema, {})).toEqual({
      PORT: 3000,
      REDIS_URL: 'redis://127.0.0.1:6379',
      VERBOSE: true,
      BODY_LIMIT: 1024 * 1024,
    });
    expect(parseEnv(schema, { VERBOSE: 'false', BODY_LIMIT: '512kb', PORT: '8080' })).toMatchObject({
      VERBOSE: false,
      BODY_LIMIT: 512 * 1024,
      PORT: 8080,
    });
  });

  it('treats an empty variable as unset', () => {
    expect(parseEnv(schema, { PORT: '' }).PORT).toBe(3000);
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      parseEnv(schema, { PORT: 'eighty', REDIS_URL: 'http://x', VERBOSE: 'maybe' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/REDIS_URL/);
    expect(message).toMatch(/VERBOSE: expected true or false/);
  });

  it("takes a Redis Cluster as a redis+cluster:// URL or as REDIS_CLUSTER_NODES, keeping REDIS_URL's password", () => {
    const cluster = z.object({ REDIS_URL: redisUrl, REDIS_CLUSTER_NODES: redisClusterNodes });
    expect(parseEnv(cluster, { REDIS_URL: 'redis+cluster://10.0.0.1:7000,10.0.0.2:7000' }).REDIS_URL).toBe('redis+cluster://10.0.0.1:7000,10.0.0.2:7000');
    const env = parseEnv(cluster, { REDIS_URL: 'rediss://:s3cret@ignored:6379/0', REDIS_CLUSTER_NODES: '10.0.0.1:7000, 10.0.0.2:7001' });
    expect(effectiveRedisUrl(env)).toBe('rediss+cluster://:s3cret@10.0.0.1:7000,10.0.0.2:7001');
    expect(effectiveRedisUrl(parseEnv(cluster, {}))).toBe('redis://127.0.0.1:6379');
    expect(() => parseEnv(cluster, { REDIS_CLUSTER_NODES: 'a:1;b:2' })).toThrow(ConfigError);
    expect(() => parseEnv(cluster, { REDIS_URL: 'http://redis:6379' })).toThrow(ConfigError);
  });
});
