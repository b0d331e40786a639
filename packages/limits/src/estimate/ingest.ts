import { createPacer } from './pace';
import { OPENAI_EMBEDDING_LIMITS } from '@llmops/tokens';
import { Tally, type ModelRegistryLike, type WorkEstimate } from './tally';

export interface IngestEstimateOptions {
  /** Tokens a chunk aims for (the ingestion default). Default 512. */
  targetTokens?: number;
  /** Tokens each chunk repeats from the one before. Default 64. */
  overlapTokens?: number;
}

/**
 * Worst case of an ingestion request: every document is new (unchanged chunks would cost nothing).
 * Document tokens are counted exactly; chunks are bounded from above: chunkText ends a chunk no
 * earlier than half the target, and the next one starts at most `overlap` tokens back, so each chunk
 * adds at least `target / 2 - overlap` new tokens. Embedded tokens are the documents' plus one
 * overlap per chunk; requests are what packing needs for that many chunks and tokens, plus one.
 */
export async function estimateIngest(
  request: { model: string; documents: readonly { text: string }[] },
  registry: ModelRegistryLike,
  options: IngestEstimateOptions = {},
): Promise<WorkEstimate> {
  const tally = new Tally(registry);
  const target = options.targetTokens ?? 512;
  const overlap = options.overlapTokens ?? 64;
  const step = Math.max(1, Math.floor(target / 2) - overlap);
  let tokens = 0;
  let chunks = 0;
  const pace = createPacer();
  for (const document of request.documents) {
    await pace();
    if (document.text.trim() === '') continue;
    const count = tally.countText(document.text, request.model);
    tokens += count;
    chunks += Math.max(1, Math.ceil(count / step));
  }
  const embedded = tokens + chunks * overlap;
  const limits = registry.get(request.model)?.embedding ?? OPENAI_EMBEDDING_LIMITS;
  const requests = chunks === 0 ? 0 : Math.max(Math.ceil(chunks / limits.maxInputsPerRequest), Math.ceil(embedded / limits.maxTokensPerRequest)) + 1;
  tally.add(request.model, 'embedding', false, requests, embedded, 0);
  const detail = `${request.documents.length} documents, ${tokens} tokens -> up to ${chunks} chunks in ${requests} embedding requests`;
  return tally.finish('ingest', detail, { documents: request.documents.length, chunks });
}
