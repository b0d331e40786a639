import type { RetryOptions } from '../retry';

/** Options of the Qdrant adapter. */
export interface QdrantStoreOptions {
  /** Qdrant base URL, e.g. `http://qdrant:6333`. Required. */
  url: string;
  /** API key sent as `api-key`. Default: none. */
  apiKey?: string;
  /** Points per upsert request. Default: 256. */
  batchSize?: number;
  /** Retries on 5xx, 429, timeouts and connection resets. Default: 5 attempts, 100 ms base, 5 s cap. */
  retry?: RetryOptions;
  /** Per-request timeout in milliseconds. Default: 30,000. */
  timeoutMs?: number;
  /** Ask the server for its version at start-up and warn on mismatch. Default: false. */
  checkCompatibility?: boolean;
}
