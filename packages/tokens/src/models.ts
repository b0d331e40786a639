import type { EncodingName } from './encoding';

/** Prices in USD per million tokens, as decimal strings so they stay exact. */
export interface ModelPricing {
  inputPerMTok: string;
  outputPerMTok: string;
  /** Price of prompt tokens served from the provider's prompt cache. Absent: no discount. */
  cachedInputPerMTok?: string;
  /** Batch API input price. Absent: the model has no batch price, the regular one applies. */
  batchInputPerMTok?: string;
  /** Batch API output price. Absent: the regular one applies. */
  batchOutputPerMTok?: string;
  /**
   * Fine-tuning: USD per million training tokens (the dataset's tokens times the epochs). Absent: the
   * model cannot be fine-tuned here.
   */
  trainingPerMTok?: string;
}

/** What fine-tuning a model costs and allows, and what the resulting model costs to use. */
export interface FineTuningInfo {
  /** The most tokens one training example may have. */
  trainingContextTokens: number;
  /** Prices of a model fine-tuned from this one (per million tokens, like `pricing`). */
  tunedPricing: ModelPricing;
}

/** Request limits of an embedding model. */
export interface EmbeddingLimits {
  dimensions: number;
  maxInputsPerRequest: number;
  maxTokensPerRequest: number;
  maxTokensPerInput: number;
}

/** What the platform needs to know about a model to count, budget and price its calls. */
export interface ModelInfo {
  name: string;
  kind: 'chat' | 'embedding';
  encoding: EncodingName;
  /** Tokens of prompt plus output the model accepts (for embeddings: of one input). */
  contextWindow: number;
  maxOutputTokens: number;
  pricing: ModelPricing;
  embedding?: EmbeddingLimits;
  /** Set on models that can be fine-tuned (their `pricing.trainingPerMTok` is the training price). */
  fineTuning?: FineTuningInfo;
  /** Set on a fine-tuned model (`ft:<base>:...`): the registry name of the model it was tuned from. */
  tunedFrom?: string;
}

/** OpenAI's limits for every embedding request: 2048 inputs, 300k tokens, 8192 tokens per input. */
export const OPENAI_EMBEDDING_LIMITS = {
  maxInputsPerRequest: 2048,
  maxTokensPerRequest: 300_000,
  maxTokensPerInput: 8192,
} as const;

const GPT_4_1_CONTEXT = 1_047_576;

/** Tokens one fine-tuning example may have on OpenAI's current chat models. */
const TRAINING_CONTEXT = 65_536;

/**
 * OpenAI models with their published context windows and standard-tier prices (per 1M tokens,
 * from OpenAI's pricing and model pages, 2025). Prices change: override them with ModelOverride.
 */
export const OPENAI_MODELS: readonly ModelInfo[] = [
  tunable(chat('gpt-4o', 128_000, 16_384, ['2.50', '10.00', '1.25', '1.25', '5.00']), '25.00', ['3.75', '15.00', '1.875', '1.875', '7.50']),
  tunable(chat('gpt-4o-mini', 128_000, 16_384, ['0.15', '0.60', '0.075', '0.075', '0.30']), '3.00', ['0.30', '1.20', '0.15', '0.15', '0.60']),
  tunable(chat('gpt-4.1', GPT_4_1_CONTEXT, 32_768, ['2.00', '8.00', '0.50', '1.00', '4.00']), '25.00', ['3.00', '12.00', '0.75', '1.50', '6.00']),
  tunable(chat('gpt-4.1-mini', GPT_4_1_CONTEXT, 32_768, ['0.40', '1.60', '0.10', '0.20', '0.80']), '5.00', ['0.80', '3.20', '0.20', '0.40', '1.60']),
  tunable(chat('gpt-4.1-nano', GPT_4_1_CONTEXT, 32_768, ['0.10', '0.40', '0.025', '0.05', '0.20']), '1.50', ['0.20', '0.80', '0.05', '0.10', '0.40']),
  chat('o3', 200_000, 100_000, ['2.00', '8.00', '0.50', '1.00', '4.00']),
  chat('o4-mini', 200_000, 100_000, ['1.10', '4.40', '0.275', '0.55', '2.20']),
  tunable(
    chat('gpt-3.5-turbo', 16_385, 4_096, ['0.50', '1.50', undefined, '0.25', '0.75'], 'cl100k_base'),
    '8.00',
    ['3.00', '6.00', undefined, '1.50', '3.00'],
    16_385,
  ),
  embedding('text-embedding-3-small', 1536, '0.02', '0.01'),
  embedding('text-embedding-3-large', 3072, '0.13', '0.065'),
  embedding('text-embedding-ada-002', 1536, '0.10', '0.05'),
];

type Prices = [input: string, output: string, cached?: string, batchIn?: string, batchOut?: string];

function prices([inputPerMTok, outputPerMTok, cachedInputPerMTok, batchInputPerMTok, batchOutputPerMTok]: Prices): ModelPricing {
  const pricing: ModelPricing = { inputPerMTok, outputPerMTok };
  if (cachedInputPerMTok) pricing.cachedInputPerMTok = cachedInputPerMTok;
  if (batchInputPerMTok) pricing.batchInputPerMTok = batchInputPerMTok;
  if (batchOutputPerMTok) pricing.batchOutputPerMTok = batchOutputPerMTok;
  return pricing;
}

/**
 * A chat model OpenAI fine-tunes: its training price per million tokens and the standard-tier prices
 * of the tuned model (OpenAI's pricing page, fine-tuning section, 2025).
 */
function tunable(model: ModelInfo, trainingPerMTok: string, tuned: Prices, trainingContextTokens = TRAINING_CONTEXT): ModelInfo {
  return { ...model, pricing: { ...model.pricing, trainingPerMTok }, fineTuning: { trainingContextTokens, tunedPricing: prices(tuned) } };
}

function chat(name: string, contextWindow: number, maxOutputTokens: number, price: Prices, encoding: EncodingName = 'o200k_base'): ModelInfo {
  return { name, kind: 'chat', encoding, contextWindow, maxOutputTokens, pricing: prices(price) };
}

function embedding(name: string, dimensions: number, inputPerMTok: string, batchInputPerMTok: string): ModelInfo {
  return {
    name,
    kind: 'embedding',
    encoding: 'cl100k_base',
    contextWindow: OPENAI_EMBEDDING_LIMITS.maxTokensPerInput,
    maxOutputTokens: 0,
    pricing: { inputPerMTok, outputPerMTok: '0', batchInputPerMTok, batchOutputPerMTok: '0' },
    embedding: { dimensions, ...OPENAI_EMBEDDING_LIMITS },
  };
}
