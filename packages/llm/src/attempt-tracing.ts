import { activeSpan, Attr, withSpan, type Span } from '@llmops/telemetry';

// Spans and events of one attempt of a provider call (limiter admission, retries); apart from
// tracing.ts, whose call spans need the result types of chat/embed/batch, which import this.
export const SCOPE = '@llmops/llm';

/**
 * A span `rate limiter` around one admission by the shared RPM/TPM limiter, with how long it held the
 * call back (0 when it admitted at once).
 */
export function tracedAcquire<T>(scope: string, tokens: number, attempt: number, acquire: (onWait: (waitMs: number) => void) => Promise<T>): Promise<T> {
  return withSpan(
    'rate limiter',
    { 'llmops.limiter.scope': scope, 'llmops.limiter.tokens': tokens, [Attr.llmAttempts]: attempt },
    async (span) => {
      let waited = 0;
      const value = await acquire((waitMs) => {
        waited += waitMs;
        span.addEvent('limiter wait', { [Attr.limiterWaitMs]: waitMs });
      });
      span.setAttribute(Attr.limiterWaitMs, waited);
      return value;
    },
    { scope: SCOPE },
  );
}

/** A failed attempt that will be retried, on the call's span: the retry count so far and why (status or error class). */
export function noteRetry(attempt: number, waitMs: number, reason: string, rateLimited: boolean, span: Span = activeSpan()): void {
  span.setAttribute(Attr.llmRetries, attempt);
  span.addEvent(rateLimited ? 'rate limited (429)' : 'retry', { [Attr.llmAttempts]: attempt, 'llmops.llm.wait_ms': waitMs, 'llmops.llm.reason': reason });
}
