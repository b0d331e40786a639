export { DEFAULT_EMBEDDING_MODEL, USER_COLLECTION_PATTERN, tenantTag, storedCollectionName, userCollectionName, piiScope } from './collections';
export { chunkHasher, planChunks, type ChunkingOptions, type PlannedChunk, type KeyedHasher } from './chunks';
export { diffChunks, type ChunkDiff } from './diff';
export { announceChanges, readChanges, changesStreamKey, type DocumentChange } from './changes';
export {
  protectDocument,
  protectDocuments,
  protectText,
  protectFilter,
  restoreText,
  type PrivacyContext,
  type DocumentInput,
  type ProtectedDocument,
} from './privacy';
export { replacementSpans, toOriginalOffset } from './offsets';
export { batchKey } from './batch-key';
// Re-exported so the apps need one dependency for the ingestion pipeline.
export {
  pointId,
  CollectionMismatchError,
  CollectionNotFoundError,
  InvalidVectorInputError,
  VectorFilterSchema,
  METADATA_KEY_PATTERN,
  eq,
} from '@llmops/vector';
export type { VectorFilter, StoredPoint, VectorPoint, SearchHit, MetadataValue, CollectionInfo } from '@llmops/vector';
export { IngestProgress, type PlannedEmbedding } from './progress';
export { ingestHandlers } from './job/handlers';
// The collection use cases behind the API's routes (the app parses, calls and answers).
export { submitUpload, type Upload, type UploadDeps } from './use-cases/upload';
export { collectionForUpload } from './use-cases/target';
export { searchCollection, type SearchRequest, type SearchAnswer, type SearchHitView } from './use-cases/search';
export { deleteDocument } from './use-cases/documents';
export { viewCollection, listTenantCollections, type CollectionView } from './use-cases/views';
export { QueryTooLongError, UnknownEmbeddingModelError } from './use-cases/errors';
