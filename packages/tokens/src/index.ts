export { encodingForModel, getEncoder, type EncodingName } from './encoding';
export { countTokens, countWithEncoding, clearTokenCache, DEFAULT_MODEL } from './count';
export { countTokensAsync, type CountAsyncOptions } from './count-async';
export { countChatTokens, type ChatMessage, type ChatTextPart } from './chat';
export { isSafeSplit, safeSlices } from './split';
export { OPENAI_MODELS, OPENAI_EMBEDDING_LIMITS, type ModelInfo, type ModelPricing, type EmbeddingLimits, type FineTuningInfo } from './models';
export {
  createModelRegistry,
  defaultModelRegistry,
  parseModelOverrides,
  tunedModelBase,
  ModelOverride,
  UnknownModelError,
  type ModelRegistry,
} from './registry';
export { chunkText, type Chunk, type ChunkOptions } from './chunk';
export { fitContext, CHAT_FRAMING_TOKENS, type Passage, type DropReason, type FitContextOptions, type FitContextResult } from './budget';
export { costOf, toNanoUsd, fromNanoUsd, formatUsd, nanoToUsdString, usdStringToNano, UsdDecimal, type TokenUsage, type FormatUsdOptions } from './cost';
