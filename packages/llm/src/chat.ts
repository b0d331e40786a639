import type OpenAI from 'openai';
import { idempotencyKeyOf, limitedCall, recordAndSettle, type CallContext, type CoreDeps } from './call';
import type { Pricing } from './pricing';
import type { Router } from './providers';

export type ChatRequest = OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;

export interface ChatOptions extends CallContext {
  /** Per-attempt HTTP timeout; default: the provider's timeoutMs. */
  timeoutMs?: number;
}

export interface ChatUsage {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
}

export interface ChatResult {
  completion: OpenAI.Chat.Completions.ChatCompletion;
  usage: ChatUsage;
  /** Exact decimal dollars, e.g. `"0.000012300"`. */
  costUsd: string;
  costNanoUsd: bigint;
  provider: string;
  /** Attempts it took (1 = no retry). */
  attempts: number;
}

export interface ChatDeps extends CoreDeps {
  router: Router;
  pricing: Pricing;
  /** Output tokens the limiter reserves when a request sets no max_tokens. */
  assumedOutputTokens: number;
  /** Most output tokens the model can return (the spend guard's worst case when no max_tokens is set). */
  maxOutputTokens: (model: string) => number;
}

/** One chat completion through the spend guard, the limiter, retries and the ledger. */
export async function chat(deps: ChatDeps, request: ChatRequest, ctx: ChatOptions): Promise<ChatResult> {
  const route = deps.router.route(request.model);
  // Tool definitions are billed as prompt too; their JSON is a fair upper estimate.
  const toolTokens = request.tools ? deps.pricing.countText(JSON.stringify(request.tools), request.model) : 0;
  const promptTokens = deps.pricing.countChat(request.messages, request.model) + toolTokens;
  const requestedMax = request.max_completion_tokens ?? request.max_tokens;
  const outputTokens = requestedMax ?? deps.assumedOutputTokens;
  const idempotencyKey = idempotencyKeyOf(ctx);
  const timeout = ctx.timeoutMs;
  const spend = deps.spend ? spendEstimate(deps, request, promptTokens, requestedMax) : undefined;
  const { value: completion, attempts, hold } = await limitedCall(deps, route, ctx, { promptTokens, outputTokens, ...(spend ? { spend } : {}) }, async (client, options) => {
    const completion = await client.chat.completions.create(request, { ...options, ...(timeout ? { timeout } : {}) });
    const usage = completion.usage;
    return { value: completion, actualTokens: usage ? usage.prompt_tokens + usage.completion_tokens : promptTokens + outputTokens };
  });
  const usage: ChatUsage = {
    inputTokens: completion.usage?.prompt_tokens ?? promptTokens,
    outputTokens: completion.usage?.completion_tokens ?? 0,
    cachedInputTokens: completion.usage?.prompt_tokens_details?.cached_tokens ?? 0,
  };
  const cost = deps.pricing.cost(request.model, usage);
  await recordAndSettle(deps, ctx, hold, {
    tenant: ctx.tenant,
    model: request.model,
    jobType: ctx.jobType,
    provider: route.provider.name,
    idempotencyKey,
    requests: 1,
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    costNanoUsd: cost.nanoUsd,
    at: new Date(deps.now()),
  });
  return { completion, usage, costUsd: cost.usd, costNanoUsd: cost.nanoUsd, provider: route.provider.name, attempts };
}

/**
 * The attempt's worst case for the budget: the prompt plus the most output it may produce (its
 * max_tokens, else the model's maximum) for every choice, at the uncached list price.
 */
function spendEstimate(deps: ChatDeps, request: ChatRequest, promptTokens: number, requestedMax: number | null | undefined) {
  const choices = Math.max(1, request.n ?? 1);
  const outputTokens = (requestedMax ?? deps.maxOutputTokens(request.model)) * choices;
  const cost = deps.pricing.cost(request.model, { inputTokens: promptTokens, outputTokens });
  return { model: request.model, nanoUsd: cost.nanoUsd, tokens: promptTokens + outputTokens };
}
