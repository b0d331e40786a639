import { randomUUID } from 'node:crypto';
import type OpenAI from 'openai';
import { classifyError } from './classify';
import type { UsageLedger } from './ledger';
import type { RateLimiter } from './limiter';
import type { Route } from './providers';
import { callWithRetries, type RetryOptions } from './retry';

/** Who a call is for and how it is counted; every public call takes one. */
export interface CallContext {
  /** Tenant the usage is charged to and the limiter is fair between. */
  tenant: string;
  /** Job type the ledger groups usage by, e.g. `"inference"`. */
  jobType: string;
  /** For logs. */
  jobId?: string;
  /**
   * Same key = same logical call: the ledger counts it once, however often a job retries. Use
   * something attempt-independent, e.g. `${jobId}:${itemId}`. Default: a random key (counted once per
   * invocation, so a retried job counts again).
   */
  idempotencyKey?: string;
  /** Overrides the client's retry budget for this call. */
  retry?: RetryOptions;
  /** Cancels waiting and the HTTP request. */
  signal?: AbortSignal;
}

export interface Logger {
  debug?(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface CoreDeps {
  limiter: RateLimiter | undefined;
  ledger: UsageLedger | undefined;
  retry: RetryOptions;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
  logger: Logger | undefined;
}

export interface AttemptOutcome<T> {
  value: T;
  /** Tokens the provider counted (prompt + completion), to reconcile the reservation. */
  actualTokens: number;
}

/**
 * One logical call: per attempt, wait for the limiter, send, then reconcile the reservation with the
 * real usage. A 429 releases the whole reservation (the provider did not count it); other failures
 * keep the request and the prompt part, since the provider may have processed them.
 */
export async function limitedCall<T>(
  deps: CoreDeps,
  route: Route,
  ctx: CallContext,
  estimate: { promptTokens: number; outputTokens: number },
  send: (client: OpenAI, options: { signal?: AbortSignal }) => Promise<AttemptOutcome<T>>,
): Promise<{ value: T; attempts: number }> {
  let attempts = 0;
  const value = await callWithRetries(
    async (attempt) => {
      attempts = attempt;
      ctx.signal?.throwIfAborted();
      const reservation = await deps.limiter?.acquire(route.scope, route.limits, ctx.tenant, estimate.promptTokens + estimate.outputTokens, ctx.signal);
      try {
        const outcome = await send(route.client, ctx.signal ? { signal: ctx.signal } : {});
        await deps.limiter?.reconcile(reservation, outcome.actualTokens);
        return outcome.value;
      } catch (error) {
        const kind = classifyError(error).kind;
        const limited = kind === 'rate-limited';
        await deps.limiter?.reconcile(reservation, limited ? 0 : estimate.promptTokens, { keepRequest: !limited }).catch(() => {});
        throw error;
      }
    },
    { ...deps.retry, ...ctx.retry },
    {
      sleep: deps.sleep,
      now: deps.now,
      random: deps.random,
      onRetry: ({ attempt, delayMs, error }) =>
        deps.logger?.warn({ scope: route.scope, tenant: ctx.tenant, jobId: ctx.jobId, attempt, delayMs, err: error.message }, 'llm call failed, retrying'),
    },
  );
  return { value, attempts };
}

export function idempotencyKeyOf(ctx: CallContext, suffix = ''): string {
  return `${ctx.idempotencyKey ?? randomUUID()}${suffix}`;
}
