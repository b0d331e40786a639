import type { InferenceRag } from '@llmops/contracts';
import type { LlmClient } from '@llmops/llm';
import type { PlatformServices } from '@llmops/services';

/** Embeds one text; concurrent calls may share one provider request. */
export type Embedder = (text: string) => Promise<number[]>;

/** Who an embedding is billed to. */
export interface EmbedContext {
  tenant: string;
  jobId: string;
  jobType: string;
  signal?: AbortSignal;
}

/**
 * The embedding batcher and RAG retrieval the inference family owns, passed in by the worker: a
 * pipeline's cache lookups and retrieve steps embed and search exactly as inference does, without
 * this package depending on the inference package.
 */
export interface InferenceSearch {
  /** The cache's embedding call (model, and dimensions where the model takes them). */
  cacheEmbedding: { model: string; dimensions?: number };
  createEmbedBatcher(llm: LlmClient, context: EmbedContext, options: { model: string; dimensions?: number }): Embedder;
  /** Passages for a question, fitted into `model`'s context. */
  retrieve(
    services: PlatformServices,
    embedders: Map<string, Embedder>,
    makeEmbedder: (model: string) => Embedder,
    input: { tenant: string; rag: InferenceRag; model: string; system: string; question: string; maxOutputTokens: number },
  ): Promise<{ text: string; documents: { collection: string; documentId: string; chunkId: string; score: number }[] }>;
}
