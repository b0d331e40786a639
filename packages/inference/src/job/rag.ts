import { storedCollectionName, piiScope } from '@llmops/ingest';
import { NonRetriableError } from '@llmops/queue';
import type { PlatformServices } from '@llmops/services';
import { fitContext } from '@llmops/tokens';
import type { InferenceRag } from '@llmops/contracts';
import type { EmbedBatcher } from './embedder';

export interface RagContext {
  /** The passages as one block for the prompt, each labelled `[n]` for citation. */
  text: string;
  documents: { collection: string; documentId: string; chunkId: string; score: number }[];
  /** The collection's PII scope: `<DOC_*>` tokens in the context (and answer) restore with it. */
  documentScope: string;
}

/**
 * Retrieves passages for a question and fits them into the token budget. The collection's
 * pseudonyms are renamed `<DOC_TYPE_n>`: they come from the collection's vault scope, not the job's,
 * and must not be confused with the asker's own `<TYPE_n>`.
 */
export async function retrieve(
  services: PlatformServices,
  embedders: Map<string, EmbedBatcher>,
  makeEmbedder: (model: string) => EmbedBatcher,
  input: { tenant: string; rag: InferenceRag; model: string; system: string; question: string; maxOutputTokens: number },
): Promise<RagContext> {
  const { tenant, rag } = input;
  const stored = storedCollectionName(tenant, rag.collection);
  const info = await services.vectors.describeCollection(stored);
  if (!info) throw new NonRetriableError(`collection "${rag.collection}" does not exist`);
  const embeddingModel = String(info.meta.model ?? 'text-embedding-3-small');
  let embed = embedders.get(embeddingModel);
  if (!embed) embedders.set(embeddingModel, (embed = makeEmbedder(embeddingModel)));
  const vector = await embed(input.question);
  const hits = await services.vectors.forTenant(tenant).search(stored, { vector, topK: rag.topK });
  const passages = hits.map((hit) => ({
    id: hit.id,
    score: hit.score,
    text: String(hit.payload.text ?? '').replace(/<([A-Z][A-Z_]*_\d+)>/g, '<DOC_$1>'),
    documentId: String(hit.payload.documentId ?? ''),
  }));
  const fitted = fitContext({
    model: input.model,
    registry: services.registry,
    maxOutputTokens: input.maxOutputTokens,
    system: input.system,
    question: input.question,
    passages,
    maxContextTokens: rag.maxContextTokens,
  });
  return {
    text: fitted.included.map((p, i) => `[${i + 1}] ${p.text}`).join('\n\n'),
    documents: fitted.included.map((p) => ({ collection: rag.collection, documentId: p.documentId, chunkId: p.id, score: p.score })),
    documentScope: piiScope(tenant, rag.collection),
  };
}
