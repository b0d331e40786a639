import { defaultModelRegistry } from '@llmops/tokens';
import type { Redis } from 'ioredis';
import { runBatch, type BatchItem, type BatchResult, type RunBatchOptions } from './batch';
import type { Logger } from './call';
import { chat, type ChatOptions, type ChatRequest, type ChatResult } from './chat';
import { ProvidersConfig, type ProvidersConfigInput } from './config';
import { embed, type EmbedOptions, type EmbedResult } from './embed';
import { createUsageLedger, type LedgerOptions } from './ledger';
import { createRateLimiter, type LimiterOptions } from './limiter';
import { createPricing, type ModelRegistryLike } from './pricing';
import { createRouter } from './providers';
import type { RetryOptions } from './retry';
import type { SpendGuard } from './spend';

export interface LlmClientOptions {
  /** Shared by the limiter and the ledger; use a `client`-role connection from @llmops/redis. */
  redis: Redis;
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
  /** Gets a line per retried failure. Default: silent. */
  logger?: Logger;
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
  const core = {
    router: createRouter(config),
    pricing: createPricing(registry),
    limiter: options.limiter === false ? undefined : createRateLimiter(options.redis, options.limiter ?? {}, { sleep, now, random }),
    ledger: options.ledger === false ? undefined : createUsageLedger(options.redis, options.ledger ?? {}),
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
  return {
    embed: async (texts, opts) => (open(), embed(core, texts, opts)),
    chat: async (request, opts) => (open(), chat(core, request, opts)),
    runBatch: async (items, opts) => (open(), runBatch(core, items, opts)),
    async close() {
      closed = true;
    },
  };
}
