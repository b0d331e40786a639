import { spendKeys } from '@llmops/contracts';
import type { RedisClient } from '@llmops/redis';

/** The logging surface the client needs; a pino logger (a job's child logger) satisfies it. */
export interface Logger {
  debug?(obj: object, msg?: string): void;
  info?(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/**
 * Something that delayed or repeated a provider call, or that a job's accounting should know:
 * - `retry`: an attempt failed (5xx, timeout, connection) and is tried again after `waitMs`;
 * - `rate_limit_wait`: the provider said 429; the call waits `waitMs` before its next attempt;
 * - `limiter_wait`: our shared RPM/TPM limiter held the call back for `waitMs`;
 * - `replay`: a restarted attempt got the answer it had already paid for from the call journal;
 * - `unknown_outcome`: a call was in flight when its attempt died or gave up (the provider may have billed it).
 */
export type CallEventKind = 'retry' | 'rate_limit_wait' | 'limiter_wait' | 'replay' | 'unknown_outcome';

export interface CallEvent {
  kind: CallEventKind;
  tenant: string;
  jobType: string;
  jobId?: string;
  model: string;
  /** Provider and model, e.g. `openai:gpt-4o-mini`. */
  scope?: string;
  waitMs?: number;
  attempt?: number;
  /** Why an attempt failed: its HTTP status or error class. */
  reason?: string;
  error?: string;
}

export const CALL_EVENT_KINDS: readonly CallEventKind[] = ['retry', 'rate_limit_wait', 'limiter_wait', 'replay', 'unknown_outcome'];

export interface CallEvents {
  emit(event: CallEvent, logger?: Logger): void;
}

const messages: Record<CallEventKind, string> = {
  retry: 'provider call failed, retrying',
  rate_limit_wait: 'provider rate limited the call (429): waiting',
  limiter_wait: 'shared rate limiter held the call back',
  replay: 'call answered from the journal (paid for by an earlier attempt)',
  unknown_outcome: 'call was in flight when its attempt ended: the provider may have billed it',
};

/**
 * Logs each event (on the call's logger when it has one, so lines carry the job and tenant) and
 * counts it in a Redis hash every replica adds to (`callEvents` in @llmops/contracts' spendKeys;
 * fields `tenant|model|jobType|kind|count` and `...|wait_ms`), which the API's /metrics renders.
 * Counting is best effort: a Redis error never fails a call.
 */
export function createCallEvents(deps: { redis?: RedisClient; keyPrefix?: string; logger?: Logger; onEvent?: (event: CallEvent) => void }): CallEvents {
  const key = deps.keyPrefix !== undefined ? spendKeys(deps.keyPrefix).callEvents : undefined;
  return {
    emit(event, logger) {
      const log = logger ?? deps.logger;
      const line = {
        tenant: event.tenant,
        jobId: event.jobId,
        jobType: event.jobType,
        model: event.model,
        scope: event.scope,
        attempt: event.attempt,
        waitMs: event.waitMs,
        reason: event.reason,
        err: event.error,
      };
      if (event.kind === 'limiter_wait' || event.kind === 'replay') (log?.info ?? log?.warn)?.call(log, line, messages[event.kind]);
      else log?.warn(line, messages[event.kind]);
      deps.onEvent?.(event);
      if (!deps.redis || !key) return;
      const label = [event.tenant, event.model, event.jobType, event.kind].join('|');
      const pipeline = deps.redis.multi().hincrby(key, `${label}|count`, 1);
      if (event.waitMs !== undefined) pipeline.hincrby(key, `${label}|wait_ms`, Math.max(0, Math.round(event.waitMs)));
      pipeline.exec().catch(() => {});
    },
  };
}
