/** The logging surface the queue machinery needs; a pino logger satisfies it. */
export interface Logger {
  /** Optional: lines nobody needs in production (a step job's re-checks). */
  debug?(object: object, message?: string): void;
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

export const silentLogger: Logger = {
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger,
};
