import type OpenAI from 'openai';
import { z } from 'zod';
import { limitedCall, planCall, replayOf, settleAnswer, type CallContext, type CoreDeps } from './call';
import { callIdentity, requestIdOf } from './call-key';
import { nanoToUsdString } from './ledger';
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
  /** Attempts it took (1 = no retry; 0 = replayed from the journal, nothing sent). */
  attempts: number;
  /** The answer an earlier attempt paid for, read back from the job's call journal (not billed again). */
  replayed: boolean;
  /** The call's identity (caller key + request hash): pass it to `release` once the answer is stored elsewhere. */
  call: string;
}

export interface ChatDeps extends CoreDeps {
  router: Router;
  pricing: Pricing;
  /** Output tokens the limiter reserves when a request sets no max_tokens. */
  assumedOutputTokens: number;
  /** Most output tokens the model can return (the spend guard's worst case when no max_tokens is set). */
  maxOutputTokens: (model: string) => number;
}

const ENDPOINT = '/v1/chat/completions';
// Read back from the journal: the parts of a completion callers use, the rest passed through.
const StoredCompletion = z.looseObject({ id: z.string(), choices: z.array(z.looseObject({ index: z.number() })) });

/** One chat completion through the journal, the spend guard, the limiter, retries and the ledger. */
export async function chat(deps: ChatDeps, request: ChatRequest, ctx: ChatOptions): Promise<ChatResult> {
  const route = deps.router.route(request.model);
  const plan = planCall(deps, ctx, callIdentity(ctx.idempotencyKey, ENDPOINT, request), request.model);
  const kept = await replayOf(deps, ctx, plan);
  if (kept) {
    const completion = StoredCompletion.parse(kept.body) as unknown as OpenAI.Chat.Completions.ChatCompletion;
    const nano = BigInt(kept.costNanoUsd);
    return {
      completion,
      usage: kept.usage,
      costUsd: nanoToUsdString(nano),
      costNanoUsd: nano,
      provider: kept.provider,
      attempts: 0,
      replayed: true,
      call: plan.call,
    };
  }
  // Tool definitions are billed as prompt too; their JSON is a fair upper estimate.
  const toolTokens = request.tools ? deps.pricing.countText(JSON.stringify(request.tools), request.model) : 0;
  const promptTokens = deps.pricing.countChat(request.messages, request.model) + toolTokens;
  const requestedMax = request.max_completion_tokens ?? request.max_tokens;
  const outputTokens = requestedMax ?? deps.assumedOutputTokens;
  const timeout = ctx.timeoutMs;
  const spend = deps.spend ? spendEstimate(deps, request, promptTokens, requestedMax) : undefined;
  const {
    value: completion,
    attempts,
    hold,
    attemptId,
  } = await limitedCall(deps, route, ctx, plan, { promptTokens, outputTokens, ...(spend ? { spend } : {}) }, async (client, options) => {
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
  const provider = route.provider.name;
  await settleAnswer(deps, ctx, plan, {
    attemptId,
    hold,
    record: {
      tenant: ctx.tenant,
      model: request.model,
      jobType: ctx.jobType,
      provider,
      requestId: requestIdOf(plan.call, attemptId),
      usage,
      costNanoUsd: cost.nanoUsd.toString(),
      at: deps.now(),
    },
    answer: { kind: 'chat', attemptId, provider, usage, costNanoUsd: cost.nanoUsd.toString(), body: completion },
  });
  return { completion, usage, costUsd: cost.usd, costNanoUsd: cost.nanoUsd, provider, attempts, replayed: false, call: plan.call };
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
