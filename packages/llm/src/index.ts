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
  type ReadUsageOptions,
} from './ledger';
export { createRouter, type Route, type Router } from './providers';
export type { CallContext, Logger } from './call';
