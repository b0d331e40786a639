export { createClient, type LlmopsClient, type SubmitOptions, type PageOptions, type WaitOptions } from './client';
export { ApiError, kindOf, type ApiErrorKind } from './errors';
export type { ClientOptions, RetryInfo, RequestOptions, ApiResponse } from './http';
export { parseRetryAfter, retryDelayMs, type RetryOptions } from './retry';
export { jobEvents, terminalEvents, type JobEvent, type EventsOptions } from './sse';
export { paginate, type Page } from './paging';
export * from './types';
