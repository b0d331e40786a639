import { pino, type Logger as PinoLogger, type LoggerOptions } from 'pino';

export type Logger = PinoLogger;

/** Keys whose values never reach a log line, at any of the first few depths. */
const sensitiveKeys = [
  'authorization',
  'Authorization',
  'cookie',
  'password',
  'apiKey',
  'api_key',
  'token',
  'secret',
  'key',
  'encryptionKey',
  'x-api-key',
  'idempotency-key',
];

export const redactPaths = [
  ...sensitiveKeys,
  ...sensitiveKeys.map((key) => `*.${key}`),
  ...sensitiveKeys.map((key) => `*.*.${key}`),
  ...sensitiveKeys.map((key) => `req.headers["${key.toLowerCase()}"]`),
];

export interface CreateLoggerOptions {
  /** Service name on every line. */
  name: string;
  /** Default 'info'. */
  level?: string;
  /** Fields on every line (worker id, replica). */
  base?: Record<string, unknown>;
  /** Where lines go; default stdout. Tests pass a stream to read what was logged. */
  destination?: pino.DestinationStream;
  /** Rewrites every string value before it is written (the PII scrubber plugs in here). */
  scrub?: (value: string) => string;
}

/** A structured pino logger that redacts secrets by key by default. */
export function createLogger(options: CreateLoggerOptions): Logger {
  const config: LoggerOptions = {
    name: options.name,
    level: options.level ?? 'info',
    base: { service: options.name, ...options.base },
    redact: { paths: redactPaths, censor: '[REDACTED]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  const scrub = options.scrub;
  if (scrub) {
    config.formatters = { log: (object) => scrubObject(object, scrub, 0) as Record<string, unknown> };
    config.hooks = {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrub(arg) : arg)) as Parameters<typeof method>);
      },
    };
  }
  return options.destination ? pino(config, options.destination) : pino(config);
}

function scrubObject(value: unknown, scrub: (value: string) => string, depth: number): unknown {
  if (typeof value === 'string') return scrub(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrubObject(item, scrub, depth + 1));
  if (value instanceof Error) return { type: value.name, message: scrub(value.message) };
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, scrubObject(inner, scrub, depth + 1)]));
}
