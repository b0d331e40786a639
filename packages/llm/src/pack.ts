import { InputTooLongError } from './errors';

export interface EmbeddingLimits {
  /** Inputs per request. */
  maxInputsPerRequest: number;
  /** Tokens summed over one request's inputs. */
  maxTokensPerRequest: number;
  /** Tokens of one input. */
  maxTokensPerInput: number;
}

/** OpenAI's published limits, used for models the registry does not know. */
export const DEFAULT_EMBEDDING_LIMITS: EmbeddingLimits = {
  maxInputsPerRequest: 2048,
  maxTokensPerRequest: 300_000,
  maxTokensPerInput: 8191,
};

export interface Pack {
  /** Indexes into the caller's input array, in order. */
  indexes: number[];
  tokens: number;
}

/**
 * Groups inputs into requests, in input order, closing a request when the next input would break
 * the input-count or token cap (next-fit). With inputs far smaller than the caps, as embedding
 * chunks are, this is at most one request above the lower bound max(n / maxInputs, tokens / maxTokens).
 * Throws InputTooLongError for the first over-long input before anything is sent.
 */
export function packInputs(tokenCounts: readonly number[], limits: EmbeddingLimits, model: string): Pack[] {
  tokenCounts.forEach((tokens, index) => {
    if (tokens > limits.maxTokensPerInput || tokens > limits.maxTokensPerRequest) {
      throw new InputTooLongError(index, tokens, Math.min(limits.maxTokensPerInput, limits.maxTokensPerRequest), model);
    }
  });
  const packs: Pack[] = [];
  let current: Pack = { indexes: [], tokens: 0 };
  tokenCounts.forEach((tokens, index) => {
    if (current.indexes.length >= limits.maxInputsPerRequest || current.tokens + tokens > limits.maxTokensPerRequest) {
      packs.push(current);
      current = { indexes: [], tokens: 0 };
    }
    current.indexes.push(index);
    current.tokens += tokens;
  });
  if (current.indexes.length > 0) packs.push(current);
  return packs;
}
