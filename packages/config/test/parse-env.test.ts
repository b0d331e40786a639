import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { booleanFlag, byteSize, ConfigError, parseEnv, port, redisUrl } from '../src';

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
});
