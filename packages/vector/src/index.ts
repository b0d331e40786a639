export type {
  AnnIndex,
  Distance,
  MetadataValue,
  CollectionMeta,
  CollectionSpec,
  CollectionInfo,
  PointPayload,
  VectorPoint,
  StoredPoint,
  SearchHit,
} from './types';
export type { VectorStore, TenantVectorStore, SearchRequest, MaintenanceReport, MaintainOptions } from './port';
export type { VectorFilter, EqCondition, InCondition, AndFilter, FilterField } from './filter';
export { VectorFilterSchema, METADATA_KEY_PATTERN, assertFilter, eq, anyOf, and } from './filter';
export { VectorStoreError, CollectionMismatchError, CollectionNotFoundError, InvalidVectorInputError } from './errors';
export { pointId, uuidV5, POINT_ID_NAMESPACE } from './point-id';
export { COLLECTION_NAME_PATTERN } from './validate';
export type { RetryOptions } from './retry';
export { LanceDbVectorStore } from './lancedb/store';
export type { LanceDbStoreOptions } from './lancedb/options';
export { QdrantVectorStore } from './qdrant/store';
export type { QdrantStoreOptions } from './qdrant/options';
export { isTransientQdrantError } from './qdrant/errors';
export { createVectorStore } from './create';
export type { VectorStoreConfig } from './create';
