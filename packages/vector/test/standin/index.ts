// The Qdrant stand-in for other packages' tests (`@llmops/vector/standin`): the same schema-validating
// server the adapter's own tests use, so a package built on the port can prove its Qdrant path too.
export { QdrantStandin, type RecordedRequest, type Violation } from './server';
export { OpenApiValidator, QDRANT_OPENAPI_PATH } from './schema';
