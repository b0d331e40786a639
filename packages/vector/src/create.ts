import type { LanceDbStoreOptions } from './lancedb/options';
import { LanceDbVectorStore } from './lancedb/store';
import type { VectorStore } from './port';
import type { QdrantStoreOptions } from './qdrant/options';
import { QdrantVectorStore } from './qdrant/store';

/** Which store to build; wired once in each app's main file from its parsed env. */
export interface VectorStoreConfig {
  /** When given (non-empty url), Qdrant is used. Default: unset, so the embedded store is used. */
  qdrant?: QdrantStoreOptions | undefined;
  /** The embedded LanceDB store, used when `qdrant` is unset. Required in that case. */
  embedded?: LanceDbStoreOptions | undefined;
}

/** Qdrant when configured, otherwise the embedded LanceDB store (so the platform runs with Redis alone). */
export function createVectorStore(config: VectorStoreConfig): VectorStore {
  if (config.qdrant?.url) return new QdrantVectorStore(config.qdrant);
  if (!config.embedded) throw new Error('createVectorStore: neither qdrant.url nor embedded.directory is configured');
  return new LanceDbVectorStore(config.embedded);
}
