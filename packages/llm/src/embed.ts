import pMap from 'p-map';
import { limitedCall, planCall, replayOf, settleAnswer, type CallContext, type CoreDeps } from './call';
import { callIdentity, requestIdOf } from './call-key';
import { FatalError } from './errors';
import { PackedVectors, packVectors, unpackVectors } from './journal';
import { nanoToUsdString } from './ledger';
import { packInputs } from './pack';
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
  /** `requests`: packed requests this call needed; `replayed`: how many came from the journal (not sent). */
  usage: { inputTokens: number; requests: number; replayed: number };
  costUsd: string;
  costNanoUsd: bigint;
  /** One identity per packed request: pass them to `release` once the vectors are stored elsewhere. */
  calls: string[];
}

export interface EmbedDeps extends CoreDeps {
  router: Router;
  pricing: Pricing;
}

const ENDPOINT = '/v1/embeddings';

/**
 * Embeds texts in as few requests as the model's limits allow. Every input is counted first, so an
 * over-long one fails (InputTooLongError) before any request. Each packed request is its own call
 * (identity: the caller's key + a hash of model, dimensions and that request's inputs); packing is
 * deterministic, so a restarted job asks for the same calls and replays those already answered.
 */
export async function embed(deps: EmbedDeps, texts: readonly string[], ctx: EmbedOptions): Promise<EmbedResult> {
  const { model } = ctx;
  const route = deps.router.route(model);
  const counts = texts.map((text, i) => {
    if (text.length === 0) throw new FatalError(`input ${i} is empty; providers reject empty inputs`);
    return deps.pricing.countText(text, model);
  });
  const packs = packInputs(counts, deps.pricing.embeddingLimits(model), model);
  const vectors: number[][] = new Array<number[]>(texts.length);
  const calls: string[] = new Array<string>(packs.length);
  let inputTokens = 0;
  let nanoUsd = 0n;
  let replayed = 0;

  const runPack = async (n: number) => {
    const pack = packs[n];
    if (!pack) return;
    const input = pack.indexes.map((i) => texts[i] ?? '');
    const body = { model, input, ...(ctx.dimensions ? { dimensions: ctx.dimensions } : {}) };
    const plan = planCall(deps, ctx, callIdentity(ctx.idempotencyKey, ENDPOINT, body), model);
    calls[n] = plan.call;
    const place = (got: readonly { index: number; embedding: number[] }[]) => {
      if (got.length !== input.length) throw new FatalError(`provider returned ${got.length} embeddings for ${input.length} inputs`);
      for (const item of got) {
        const target = pack.indexes[item.index];
        if (target === undefined) throw new FatalError(`provider returned an embedding for unknown index ${item.index}`);
        vectors[target] = item.embedding;
      }
    };
    const kept = await replayOf(deps, ctx, plan);
    if (kept) {
      place(unpackVectors(PackedVectors.parse(kept.body)).map((embedding, index) => ({ index, embedding })));
      inputTokens += kept.usage.inputTokens;
      nanoUsd += BigInt(kept.costNanoUsd);
      replayed += 1;
      return;
    }
    // Embeddings are billed on input only, and the input is counted exactly: the estimate is the cost.
    const spend = deps.spend ? { model, nanoUsd: deps.pricing.cost(model, { inputTokens: pack.tokens }).nanoUsd, tokens: pack.tokens } : undefined;
    const {
      value: response,
      hold,
      attemptId,
    } = await limitedCall(deps, route, ctx, plan, { promptTokens: pack.tokens, outputTokens: 0, ...(spend ? { spend } : {}) }, async (client, options) => {
      const response = await client.embeddings.create(body, { ...options, ...(ctx.timeoutMs ? { timeout: ctx.timeoutMs } : {}) });
      return { value: response, actualTokens: response.usage?.prompt_tokens ?? pack.tokens };
    });
    const tokens = response.usage?.prompt_tokens ?? pack.tokens;
    const cost = deps.pricing.cost(model, { inputTokens: tokens });
    const usage = { inputTokens: tokens, outputTokens: 0, cachedInputTokens: 0 };
    // Ordered by index, so a replay can place them by position.
    const ordered = [...response.data].sort((a, b) => a.index - b.index);
    const provider = route.provider.name;
    // Counted before its shape is checked: the provider billed it either way.
    await settleAnswer(deps, ctx, plan, {
      attemptId,
      hold,
      record: {
        tenant: ctx.tenant,
        model,
        jobType: ctx.jobType,
        provider,
        requestId: requestIdOf(plan.call, attemptId),
        usage,
        costNanoUsd: cost.nanoUsd.toString(),
        at: deps.now(),
      },
      answer:
        ordered.length === input.length
          ? { kind: 'embed', attemptId, provider, usage, costNanoUsd: cost.nanoUsd.toString(), body: packVectors(ordered.map((d) => d.embedding)) }
          : undefined,
    });
    place(response.data);
    inputTokens += tokens;
    nanoUsd += cost.nanoUsd;
  };

  // The first failure stops new packs from starting and is thrown (p-map's stopOnError).
  await pMap(packs.keys(), runPack, { concurrency: Math.max(1, ctx.concurrency ?? 4) });
  return { vectors, usage: { inputTokens, requests: packs.length, replayed }, costUsd: nanoToUsdString(nanoUsd), costNanoUsd: nanoUsd, calls };
}
