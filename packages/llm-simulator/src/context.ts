import type { Logger } from 'pino';
import type { BatchStore } from './batch/store';
import type { FileStore } from './files';
import type { RateLimiter } from './limits';
import type { RequestLog } from './log';
import type { SimConfig } from './options';

/** Everything a route needs, built once per simulator. */
export interface SimContext {
  config: SimConfig;
  readonly seed: number;
  readonly log: RequestLog;
  readonly limiter: RateLimiter;
  readonly files: FileStore;
  readonly batches: BatchStore;
  readonly logger: Logger | undefined;
  /** Native embedding size of a model. */
  dimensionsFor(model: string): number;
  /** A new number for each request, the key of its random draws. */
  nextRequestNumber(): number;
  /** How many times this prompt hash was answered before (for seedless sampling variation). */
  occurrence(promptHash: number): number;
}

/** What every response carries so nobody mistakes the simulator for a model. */
export const SYSTEM_FINGERPRINT = 'llm-simulator';
