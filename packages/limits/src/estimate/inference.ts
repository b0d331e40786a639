import { createPacer } from './pace';
import type { InferenceItem, InferencePayload } from '@llmops/contracts';
import { Tally, terms, type ModelRegistryLike, type WorkEstimate } from './tally';

/** The verifier's instructions and fences, and its bounded verdict (packages/cache/src/verify.ts). */
const VERIFY_PROMPT_TOKENS = 200;
const VERIFY_OUTPUT_TOKENS = 60;

export interface InferenceEstimateOptions {
  /** Model the semantic cache embeds prompts with. Default `text-embedding-3-small` (the worker's). */
  cacheEmbeddingModel?: string;
  /** Embedding model of the RAG collection. Default `text-embedding-3-small`. */
  ragEmbeddingModel?: string;
  /** Output tokens of a model the registry does not know, when no max_tokens is set. Default 4,096. */
  unknownModelMaxOutput?: number;
  /** The gray-band verifier's chat model, when the job asks for verification. Default gpt-4.1-nano. */
  verificationModel?: string;
}

/** Tokens the RAG instruction adds around the passages (`Answer from the numbered passages ...`). */
const RAG_FRAMING_TOKENS = 32;

/**
 * Worst case of an inference job: every item misses the cache and is generated with its max_tokens
 * (else the model's maximum), the prompt filled with `rag.maxContextTokens` of passages. Each item
 * also embeds its prompt for a semantic cache lookup and its question for RAG; `calls` counts those
 * embedding inputs one by one (the worker packs them, so it sends fewer requests).
 */
export async function estimateInference(
  job: { payload: Pick<InferencePayload, 'model' | 'parameters' | 'rag' | 'cache' | 'mode'>; items: readonly InferenceItem[] },
  registry: ModelRegistryLike,
  options: InferenceEstimateOptions = {},
): Promise<WorkEstimate> {
  const { payload, items } = job;
  const tally = new Tally(registry);
  const model = payload.model;
  const maxOutput = payload.parameters.max_tokens ?? tally.maxOutput(model, options.unknownModelMaxOutput ?? 4_096);
  const cacheModel = options.cacheEmbeddingModel ?? 'text-embedding-3-small';
  const ragModel = options.ragEmbeddingModel ?? 'text-embedding-3-small';
  const semantic = payload.cache.mode === 'semantic';
  const rag = payload.rag;
  let prompt = 0;
  let cacheTokens = 0;
  let ragTokens = 0;
  let questionTokens = 0;
  // Gray-band verification asks a small model whether the candidate's question is the same: at most
  // one call per item, both questions in the prompt.
  const verifies = semantic && payload.cache.verification !== undefined && payload.cache.verification !== 'off';
  const verifier = options.verificationModel ?? 'gpt-4.1-nano';
  const pace = createPacer();
  for (const item of items) {
    await pace();
    prompt += tally.countChat(item.messages, model) + (rag ? rag.maxContextTokens + RAG_FRAMING_TOKENS : 0);
    // The worker embeds the conversation without system messages (the cache's key and RAG's question).
    const question = item.messages
      .filter((m) => m.role !== 'system')
      .map((m) => (m.role === 'user' ? m.content : `${m.role}: ${m.content}`))
      .join('\n');
    if (semantic) cacheTokens += tally.countText(question, cacheModel);
    if (rag) ragTokens += tally.countText(question, ragModel);
    if (verifies) questionTokens += tally.countText(question, verifier);
  }
  const n = items.length;
  tally.add(model, 'chat', payload.mode === 'batch', n, prompt, n * maxOutput);
  if (semantic) tally.add(cacheModel, 'embedding', false, n, cacheTokens, 0);
  if (rag) tally.add(ragModel, 'embedding', false, n, ragTokens, 0);
  if (verifies) tally.add(verifier, 'chat', false, n, 2 * questionTokens + n * VERIFY_PROMPT_TOKENS, n * VERIFY_OUTPUT_TOKENS);
  const detail = `${n} items x (${terms([
    [1, 'generation'],
    [semantic ? 1 : 0, 'cache embedding'],
    [rag ? 1 : 0, 'RAG embedding'],
    [verifies ? 1 : 0, 'cache verification'],
  ])})`;
  return tally.finish('inference', detail, { items: n });
}
