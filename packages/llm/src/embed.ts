import { idempotencyKeyOf, limitedCall, recordAndSettle, settleSpend, type CallContext, type CoreDeps } from './call';
import { FatalError } from './errors';
import { nanoToUsdString } from './ledger';
import { packInputs } from './pack';
import { NOTHING_SPENT } from './spend';
import type { Pricing } from './pricing';
import type { Router } from './providers';

export interface EmbedOptions extends CallContext {
  /** Embedding model; routes the call and sets the packing limits (registry, else OpenAI's). */
  model: string;
  /** Output dimensions for models that accept it (text-embedding-3-*). Default: the model's own. */
  dimensions?: number;
  /** Requests in flight at once (the limiter still decides when each goes). Default: 4. */
  concurrency?: number;
  /** Per-attempt HTTP timeout; default: the provider's timeoutMs. */
  timeoutMs?: number;
}

export interface EmbedResult {
  /** One vector per input, in input order. */
  vectors: number[][];
  usage: { inputTokens: number; requests: number };
  costUsd: string;
  costNanoUsd: bigint;
}

export interface EmbedDeps extends CoreDeps {
  router: Router;
  pricing: Pricing;
}

/**
 * Embeds texts in as few requests as the model's limits allow. Every input is counted first, so an
 * over-long one fails (InputTooLongError) before any request. Each request is its own ledger entry,
 * keyed `${idempotencyKey}:${n}`: packing is deterministic, so a retried job replays the same keys.
 */
export async function embed(deps: EmbedDeps, texts: readonly string[], ctx: EmbedOptions): Promise<EmbedResult> {
  const { model } = ctx;
  const route = deps.router.route(model);
  const counts = texts.map((text, i) => {
    if (text.length === 0) throw new FatalError(`input ${i} is empty; providers reject empty inputs`);
    return deps.pricing.countText(text, model);
  });
  const packs = packInputs(counts, deps.pricing.embeddingLimits(model), model);
  const baseKey = idempotencyKeyOf(ctx);
  const vectors: number[][] = new Array<number[]>(texts.length);
  let inputTokens = 0;
  let nanoUsd = 0n;
  let next = 0;

  const runPack = async (n: number) => {
    const pack = packs[n];
    if (!pack) return;
    const input = pack.indexes.map((i) => texts[i] ?? '');
    // Embeddings are billed on input only, and the input is counted exactly: the estimate is the cost.
    const spend = deps.spend ? { model, nanoUsd: deps.pricing.cost(model, { inputTokens: pack.tokens }).nanoUsd, tokens: pack.tokens } : undefined;
    const { value: response, hold } = await limitedCall(deps, route, ctx, { promptTokens: pack.tokens, outputTokens: 0, ...(spend ? { spend } : {}) }, async (client, options) => {
      const response = await client.embeddings.create(
        { model, input, ...(ctx.dimensions ? { dimensions: ctx.dimensions } : {}) },
        { ...options, ...(ctx.timeoutMs ? { timeout: ctx.timeoutMs } : {}) },
      );
      return { value: response, actualTokens: response.usage?.prompt_tokens ?? pack.tokens };
    });
    try {
      if (response.data.length !== input.length) {
        throw new FatalError(`provider returned ${response.data.length} embeddings for ${input.length} inputs`);
      }
      for (const item of response.data) {
        const target = pack.indexes[item.index];
        if (target === undefined) throw new FatalError(`provider returned an embedding for unknown index ${item.index}`);
        vectors[target] = item.embedding;
      }
    } catch (error) {
      await settleSpend(deps, ctx, hold, NOTHING_SPENT);
      throw error;
    }
    const tokens = response.usage?.prompt_tokens ?? pack.tokens;
    const cost = deps.pricing.cost(model, { inputTokens: tokens });
    inputTokens += tokens;
    nanoUsd += cost.nanoUsd;
    await recordAndSettle(deps, ctx, hold, {
      tenant: ctx.tenant,
      model,
      jobType: ctx.jobType,
      provider: route.provider.name,
      idempotencyKey: `${baseKey}:${n}`,
      requests: 1,
      inputTokens: tokens,
      outputTokens: 0,
      costNanoUsd: cost.nanoUsd,
      at: new Date(deps.now()),
    });
  };

  let failed = false;
  const worker = async () => {
    try {
      while (!failed && next < packs.length) await runPack(next++);
    } catch (error) {
      failed = true; // the other workers stop taking packs; Promise.all reports the first error
      throw error;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(ctx.concurrency ?? 4, packs.length)) }, worker));
  return { vectors, usage: { inputTokens, requests: packs.length }, costUsd: nanoToUsdString(nanoUsd), costNanoUsd: nanoUsd };
}
