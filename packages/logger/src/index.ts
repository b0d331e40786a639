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
}

/**
 * A structured pino logger that never writes secrets or personal data: sensitive keys are censored
 * by path, and string values are scrubbed by @llmops/pii's detectors.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const config: LoggerOptions = {
    name: options.name,
    level: options.level ?? 'info',
    base: { service: options.name, ...options.base },
    redact: { paths: [...pinoRedactPaths], censor: '[REDACTED]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    ...(options.scrub === false ? {} : pinoScrubOptions),
  };
  return options.destination ? pino(config, options.destination) : pino(config);
}
