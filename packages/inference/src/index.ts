export { inferenceHandlers } from './job/handlers';
// The pipeline family's retrieval and cache steps embed and retrieve as inference does.
export { CACHE_EMBEDDING, createEmbedBatcher, type EmbedBatcher } from './job/embedder';
export { retrieve, type RagContext } from './job/rag';
export { prepareInference, type PreparedInference } from './submission/prepare';
export { warmJob } from './submission/warm';
export { storeItems } from './submission/store-items';
export type { SubmissionDeps } from './submission/deps';
