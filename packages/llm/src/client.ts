import { defaultModelRegistry } from '@llmops/tokens';
import type { RedisClient } from '@llmops/redis';
import { runBatch, type BatchItem, type BatchResult, type RunBatchOptions } from './batch';
import type { CallContext } from './call';
import { requestIdOf } from './call-key';
import { chat, type ChatOptions, type ChatRequest, type ChatResult } from './chat';
import { ProvidersConfig, type ProvidersConfigInput } from './config';
import { embed, type EmbedOptions, type EmbedResult } from './embed';
import { createCallEvents, type CallEvent, type Logger } from './events';
import { createCallJournal, type JobSpend } from './journal';
import { createUsageLedger, type LedgerOptions } from './ledger';
import { createRateLimiter, type LimiterOptions } from './limiter';
import { createPricing, type ModelRegistryLike } from './pricing';
import { createRouter } from './providers';
import type { RetryOptions } from './retry';
import type { SpendGuard } from './spend';
import { tracedBatch, tracedChat, tracedEmbed } from './tracing';

export interface LlmClientOptions {
  /** Shared by the limiter and the ledger; use a `client`-role connection from @llmops/redis. */
  redis: RedisClient;
  /** Parsed or raw provider config (it is parsed again here, so defaults apply either way). */
  providers: ProvidersConfig | ProvidersConfigInput;
  /** Model facts and prices. Default: `defaultModelRegistry` from @llmops/tokens. */
  registry?: ModelRegistryLike;
  /** Limiter settings, or `false` for none (single-process tools, tests). Default: enabled, 60 s window. */
  limiter?: LimiterOptions | false;
  /** Ledger settings, or `false` to count nothing. Default: enabled. */
  ledger?: LedgerOptions | false;
  /** Retry budget for every call. Default: 6 attempts within 120 s, 250 ms base backoff. */
  retry?: RetryOptions;
  /** Output tokens the rate limiter reserves when a chat request sets no max_tokens. Default: 1,024. */
  assumedOutputTokens?: number;
  /**
   * Spend budgets: every provider attempt's worst case is held before it is sent (a refusal throws
   * BudgetExhaustedError) and settled with what the ledger counted. Implemented by @llmops/limits.
   * Default: none (no budgets).
   */
  spend?: SpendGuard;
  /**
   * Gets a line per retried failure, 429 wait and limiter wait (a call's own `logger` is used first).
   * Default: silent.
   */
  logger?: Logger;
  /**
   * The call journal (write-ahead of every call a job sends, answers kept for replay, per-job billed
   * and wasted totals), under the ledger's key prefix; `false` for none. Needs the ledger. Default:
   * enabled, a job's journal kept 7 days after its last call (a job's cleanup deletes it at its end).
   */
  journal?: { ttlMs?: number } | false;
  /** Told about every retry, 429 wait, limiter wait, replay and unknown outcome (they are also counted in Redis). */
  onEvent?: (event: CallEvent) => void;
  /** Wall clock (ledger day, retry budget). Default: Date.now. */
  clock?: () => number;
  /** Default: setTimeout-based. */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source. Default: Math.random. */
  random?: () => number;
}

export interface LlmClient {
  /** Vectors in input order, packed into as few requests as the model allows. */
  embed(texts: readonly string[], options: EmbedOptions): Promise<EmbedResult>;
  /** One chat completion, with usage and cost. */
  chat(request: ChatRequest, options: ChatOptions): Promise<ChatResult>;
  /** A Batch API round trip; results mapped back by customId. */
  runBatch(items: readonly BatchItem[], options: RunBatchOptions): Promise<BatchResult>;
  /** The same client with these fields filled into every call's context (e.g. a job's logger). */
  withContext(defaults: Partial<CallContext>): LlmClient;
  /**
   * A job's provider calls as its journal counted them: everything billed, answers billed twice, and
   * calls whose outcome nobody knows (in flight when an attempt died). Counts answers a crash left
   * uncounted first. Call it when none of the job's calls is in flight (at the end of its handler).
   */
  jobSpend(scope: { tenant: string; jobId: string }): Promise<JobSpend>;
  /** Drops kept answers (by `ChatResult.call` / `EmbedResult.calls`) the caller has stored elsewhere. */
  release(scope: { tenant: string; jobId?: string }, calls: readonly string[]): Promise<void>;
  /** Idempotent. Does not close `redis` (the caller owns it). */
  close(): Promise<void>;
}

export function createLlmClient(options: LlmClientOptions): LlmClient {
  const config = ProvidersConfig.parse(options.providers);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.clock ?? Date.now;
  const random = options.random ?? Math.random;
  const registry = options.registry ?? defaultModelRegistry;
  const assumedOutputTokens = options.assumedOutputTokens ?? 1_024;
  const ledgerPrefix = options.ledger === false ? undefined : (options.ledger?.keyPrefix ?? 'llmops');
  const journal =
    ledgerPrefix === undefined || options.journal === false
      ? undefined
      : createCallJournal(options.redis, { keyPrefix: ledgerPrefix, ttlMs: options.journal?.ttlMs ?? 7 * 86_400_000 });
  const events = createCallEvents({
    ...(ledgerPrefix !== undefined ? { redis: options.redis, keyPrefix: ledgerPrefix } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
  const core = {
    router: createRouter(config),
    pricing: createPricing(registry),
    limiter: options.limiter === false ? undefined : createRateLimiter(options.redis, options.limiter ?? {}, { sleep, now, random }),
    ledger: options.ledger === false ? undefined : createUsageLedger(options.redis, options.ledger ?? {}),
    journal,
    events,
    retry: options.retry ?? {},
    spend: options.spend,
    assumedOutputTokens,
    // A model the registry does not know (or an embedding model) falls back to the limiter's assumption.
    maxOutputTokens: (model: string) => registry.get(model)?.maxOutputTokens || assumedOutputTokens,
    sleep,
    now,
    random,
    logger: options.logger,
  };
  let closed = false;
  const open = () => {
    if (closed) throw new Error('LLM client is closed');
  };
  const noSpend: JobSpend = { billed: zeroUsage(), repeated: zeroUsage(), unknownOutcome: 0 };
  const bound = (defaults: Partial<CallContext>): LlmClient => ({
    embed: async (texts, opts) => {
      open();
      const ctx = { ...defaults, ...opts };
      return tracedEmbed(ctx.model, texts.length, ctx, () => embed(core, texts, ctx));
    },
    chat: async (request, opts) => {
      open();
      const ctx = { ...defaults, ...opts };
      return tracedChat(request.model, ctx, () => chat(core, request, ctx));
    },
    runBatch: async (items, opts) => {
      open();
      const ctx = { ...defaults, ...opts };
      return tracedBatch(items[0]?.body.model, items.length, ctx, () => runBatch(core, items, ctx));
    },
    withContext: (more) => bound({ ...defaults, ...more }),
    async jobSpend({ tenant, jobId }) {
      if (!journal || !core.ledger) return noSpend;
      const ledger = core.ledger;
      return journal.spend(journal.scopeOf(tenant, jobId), {
        async count(attemptId, record) {
          const { usage } = record;
          await ledger.record({
            ...record,
            idempotencyKey: attemptId,
            requests: 1,
            inputTokens: usage.inputTokens,
            outputTokens: usage.outputTokens,
            costNanoUsd: BigInt(record.costNanoUsd),
            at: new Date(record.at),
          });
        },
        // Not counted (nobody knows whether the provider billed it), but on record for an audit.
        unknown: (lost) =>
          ledger.markUnknown({
            tenant,
            model: lost.model,
            jobType: lost.jobType,
            attemptId: lost.attemptId,
            requestId: requestIdOf(lost.call, lost.attemptId),
            at: new Date(lost.at),
          }),
        lost: (lost) => events.emit({ kind: 'unknown_outcome', tenant, jobId, model: lost.model, jobType: lost.jobType }, defaults.logger),
      });
    },
    async release({ tenant, jobId }, calls) {
      if (journal) await journal.release(journal.scopeOf(tenant, jobId), calls);
    },
    async close() {
      closed = true;
    },
  });
  return bound({});
}

function zeroUsage(): JobSpend['billed'] {
  return { requests: 0, inputTokens: 0, outputTokens: 0, costNanoUsd: 0n };
}
