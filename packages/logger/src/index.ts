import { pino, type Logger as PinoLogger, type LoggerOptions } from 'pino';
import { pinoRedactPaths, pinoScrubOptions } from '@llmops/pii';

export type Logger = PinoLogger;

export interface CreateLoggerOptions {
  /** Service name on every line. */
  name: string;
  /** Default 'info'. */
  level?: string;
  /** Fields on every line (worker id, replica). */
  base?: Record<string, unknown>;
  /** Where lines go; default stdout. Tests pass a stream to read what was logged. */
  destination?: pino.DestinationStream;
  /**
   * Rewrite every string value and message so secret- and PII-shaped text (emails, card numbers,
   * API keys, JWTs...) is replaced by its type. Default true; costs a regex pre-check per string.
   */
  scrub?: boolean;
  /**
   * Fields computed for every line when it is written, e.g. `traceLogFields` from @llmops/telemetry
   * (the active span's trace_id and span_id). Default: none.
   */
  mixin?: () => Record<string, unknown>;
}

/**
 * Request headers that identify a client or a request's content without being secrets in the usual
 * sense: an Idempotency-Key may be client data, X-Forwarded-For is an address. Censored wherever a
 * request's headers are logged whole (HTTP serializers should log an allowlist anyway).
 */
const requestHeaderPaths = ['req.headers["idempotency-key"]', 'req.headers["x-forwarded-for"]', 'req.headers["x-real-ip"]'];

/**
 * A structured pino logger that never writes secrets or personal data: sensitive keys are censored
 * by path, and string values are scrubbed by @llmops/pii's detectors.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const config: LoggerOptions = {
    name: options.name,
    level: options.level ?? 'info',
    base: { service: options.name, ...options.base },
    redact: { paths: [...pinoRedactPaths, ...requestHeaderPaths], censor: '[REDACTED]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    ...(options.mixin ? { mixin: options.mixin } : {}),
    ...(options.scrub === false ? {} : pinoScrubOptions),
  };
  return options.destination ? pino(config, options.destination) : pino(config);
}
