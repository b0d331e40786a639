import { z } from 'zod';

/** "true"/"false"/"1"/"0"/"yes"/"no", parsed explicitly: the string "false" is false. */
export const booleanFlag = (defaultValue: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
    .default(defaultValue ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1' || value === 'yes');

export const port = (defaultValue: number) => z.coerce.number().int().min(0).max(65_535).default(defaultValue);

export const positiveInt = (defaultValue: number) => z.coerce.number().int().positive().default(defaultValue);

export const redisUrl = z
  .url({ protocol: /^rediss?$/, message: 'expected redis://host:port or rediss://...' })
  .default('redis://127.0.0.1:6379');

/** Prefix of every Redis key the platform writes, so several deployments can share one Redis. */
export const queuePrefix = z
  .string()
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only')
  .default('llmops');

export const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');

/** Sizes such as "1mb", "512kb", "2048" (bytes). */
export const byteSize = (defaultValue: string) =>
  z
    .string()
    .default(defaultValue)
    .transform((value, context) => {
      const match = /^(\d+)\s*(b|kb|mb|gb)?$/i.exec(value.trim());
      if (!match) {
        context.addIssue({ code: 'custom', message: 'expected a size such as 512kb or 10mb' });
        return z.NEVER;
      }
      const units = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 } as const;
      return Number(match[1]) * units[(match[2]?.toLowerCase() ?? 'b') as keyof typeof units];
    });

/** "a,b,c" -> ["a","b","c"]; blank entries dropped. */
export const commaList = z
  .string()
  .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean));
