import { z } from 'zod';

/** "true"/"false"/"1"/"0"/"yes"/"no", parsed explicitly: the string "false" is false. */
export const booleanFlag = (defaultValue: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
    .default(defaultValue ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1' || value === 'yes');

export const port = (defaultValue: number) => z.coerce.number().int().min(0).max(65_535).default(defaultValue);

export const positiveInt = (defaultValue: number) => z.coerce.number().int().positive().default(defaultValue);

/**
 * One Redis (`redis://host:port/db`, `rediss://...`) or a Redis Cluster (`redis+cluster://host:port,host:port`,
 * `rediss+cluster://...`: any reachable node finds the others). Default `redis://127.0.0.1:6379`.
 */
export const redisUrl = z
  .string()
  .default('redis://127.0.0.1:6379')
  .refine(
    (value) => (/^rediss?\+cluster:\/\/(?:[^@/]*@)?[^/?#@\s]+\/?$/.test(value) ? true : z.url({ protocol: /^rediss?$/ }).safeParse(value).success),
    'expected redis://host:port, rediss://..., or redis+cluster://host:port,host:port for a Redis Cluster',
  );

/**
 * REDIS_CLUSTER_NODES: the seed nodes of a Redis Cluster, `host:port,host:port` (one reachable node
 * is enough, more survive a node being down). Optional; when set it wins over REDIS_URL's host (see
 * {@link effectiveRedisUrl}).
 */
export const redisClusterNodes = z
  .string()
  .regex(/^\s*[A-Za-z0-9_.[\]:-]+(\s*,\s*[A-Za-z0-9_.[\]:-]+)*\s*$/, 'expected host:port,host:port')
  .optional();

/**
 * The Redis URL a process connects to: a `redis+cluster://` URL of REDIS_CLUSTER_NODES when that is
 * set (keeping REDIS_URL's scheme and credentials, so a password can stay in REDIS_URL), else REDIS_URL.
 */
export function effectiveRedisUrl(env: { REDIS_URL: string; REDIS_CLUSTER_NODES?: string | undefined }): string {
  const nodes = env.REDIS_CLUSTER_NODES?.split(',')
    .map((node) => node.trim())
    .filter(Boolean);
  if (!nodes?.length) return env.REDIS_URL;
  const base = /^(rediss?)(?:\+cluster)?:\/\/(?:([^@/]*)@)?/.exec(env.REDIS_URL);
  return `${base?.[1] ?? 'redis'}+cluster://${base?.[2] ? `${base[2]}@` : ''}${nodes.join(',')}`;
}

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
export const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);
