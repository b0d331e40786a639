import { costOf, countChatTokens, countWithEncoding, defaultModelRegistry, encodingForModel, toNanoUsd } from '@llmops/tokens';
import type { ModelInfo } from '@llmops/tokens';
import { nanoToUsdString } from './ledger';
import { DEFAULT_EMBEDDING_LIMITS, type EmbeddingLimits } from './pack';

/** The registry calls this package needs: `createModelRegistry()` from @llmops/tokens fits. */
export interface ModelRegistryLike {
  get(name: string): ModelInfo | undefined;
}

export interface CostInput {
  inputTokens: number;
  outputTokens?: number;
  cachedInputTokens?: number;
  batch?: boolean;
}

/** Token counting and prices, from the registry; models it does not know cost 0 (e.g. a local vLLM). */
export interface Pricing {
  countChat(messages: unknown, model: string): number;
  countText(text: string, model: string): number;
  embeddingLimits(model: string): EmbeddingLimits;
  cost(model: string, usage: CostInput): { usd: string; nanoUsd: bigint };
}

export function createPricing(registry: ModelRegistryLike = defaultModelRegistry): Pricing {
  return {
    countChat(messages, model) {
      return countChatTokens(normalize(messages), model);
    },
    countText(text, model) {
      const info = registry.get(model);
      return countWithEncoding(text, info?.encoding ?? encodingForModel(model));
    },
    embeddingLimits(model) {
      const e = registry.get(model)?.embedding;
      return e
        ? { maxInputsPerRequest: e.maxInputsPerRequest, maxTokensPerRequest: e.maxTokensPerRequest, maxTokensPerInput: e.maxTokensPerInput }
        : DEFAULT_EMBEDDING_LIMITS;
    },
    cost(model, usage) {
      const info = registry.get(model);
      if (!info) return { usd: '0.000000000', nanoUsd: 0n };
      const nanoUsd = toNanoUsd(costOf(info, usage));
      return { usd: nanoToUsdString(nanoUsd), nanoUsd };
    },
  };
}

type ChatMessages = Parameters<typeof countChatTokens>[0];

/**
 * The SDK's message union has shapes the counter does not read (an assistant turn with only
 * tool_calls has no content): count their text, and their tool-call arguments as content, so the
 * estimate errs high rather than low.
 */
function normalize(messages: unknown): ChatMessages {
  if (!Array.isArray(messages)) return [];
  return messages.map((m: { role?: unknown; content?: unknown; name?: unknown; tool_calls?: unknown }) => {
    let content = typeof m.content === 'string' || Array.isArray(m.content) ? (m.content as ChatMessages[number]['content']) : null;
    if (content === null && m.tool_calls !== undefined) content = JSON.stringify(m.tool_calls);
    return { role: String(m.role ?? 'user'), content, ...(typeof m.name === 'string' ? { name: m.name } : {}) };
  });
}
