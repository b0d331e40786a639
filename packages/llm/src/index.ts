export { ProvidersConfig, ProviderConfig, ModelLimits, type ProvidersConfigInput } from './config';
export { LlmError, RetriableError, RateLimitedError, FatalError, InputTooLongError, type ClassifiedError } from './errors';
export { classifyError } from './classify';
export { retryAfterFromHeaders, parseDuration } from './headers';
export { callWithRetries, backoffDelay, defaultRetryOptions, type RetryOptions, type RetryDeps } from './retry';
export { createRateLimiter, type RateLimiter, type LimiterOptions, type Limits, type Reservation, type ReserveResult } from './limiter';
export {
  createUsageLedger,
  readUsage,
  nanoToUsdString,
  utcDay,
  type UsageLedger,
  type LedgerOptions,
  type UsageRecord,
  type UsageEvent,
  type UsageRow,
  type UsageReport,
  type UsageMarker,
  type ReadUsageOptions,
} from './ledger';
export { createRouter, type Route, type Router } from './providers';
export type { CallContext } from './call';
export { CALL_EVENT_KINDS, type CallEvent, type CallEventKind, type Logger } from './events';
export { callIdentity } from './call-key';
export { wasteOf, type JobSpend } from './journal';
export { createLlmClient, type LlmClient, type LlmClientOptions } from './client';
export type { ChatRequest, ChatOptions, ChatResult, ChatUsage } from './chat';
export type { EmbedOptions, EmbedResult } from './embed';
export { BATCH_WINDOW_MS, type BatchItem, type BatchEndpoint, type RunBatchOptions, type BatchResult, type BatchSuccess, type BatchFailure } from './batch';
export { packInputs, DEFAULT_EMBEDDING_LIMITS, type EmbeddingLimits, type Pack } from './pack';
export { createPricing, type Pricing, type ModelRegistryLike, type CostInput } from './pricing';
export { BudgetExhaustedError } from './budget-error';
export type { SpendGuard, SpendRequest, SpendHold, SpendActual, SpendDecision, BudgetRefusal } from './spend';
