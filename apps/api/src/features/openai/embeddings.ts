import { BudgetExhaustedError, FatalError, InputTooLongError, RateLimitedError, RetriableError } from '@llmops/llm';
import { pseudonymize } from '@llmops/pii';
import { HttpError, validationError } from '../../http/errors';
import { refusalError } from '../../limits/refusals';
import { requireModel } from '../../submission/references';
import { invalidParam } from './errors';
import type { Deps, FrontDoorHandler } from './front-door';
import { EmbeddingRequest } from './schemas';

/**
 * The vault scope of front-door embeddings: one per tenant, so one value gets the same pseudonym in
 * every request of the tenant and vectors of the same text stay comparable across calls.
 */
export const embeddingScope = (tenant: string) => `openai:embeddings:${tenant}`;

/** Inputs pseudonymized at once. */
const PSEUDONYMIZE_AT_ONCE = 64;

/**
 * POST /openai/v1/embeddings: a synchronous call, as search is (an embedding is one cheap request,
 * not work to queue). Every input is pseudonymized first -- so the vector is of the pseudonymized
 * text: "mail jane@x.com" and "mail bob@y.com" embed alike, which is the point -- then embedded through
 * the LLM client, which holds the tenant's budget per request, waits for the shared RPM/TPM limiter,
 * retries and writes the ledger (job type `embeddings`).
 */
export function createEmbeddings(deps: Deps): FrontDoorHandler {
  return async (req, res, tenant) => {
    if (hasTokenIds((req.body as { input?: unknown } | undefined)?.input)) {
      throw invalidParam('input', 'token ids are not accepted: send text, so that personal data in it can be pseudonymized');
    }
    const parsed = EmbeddingRequest.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const request = parsed.data;
    requireModel(deps.services, request.model, 'embedding', 'body.model');
    const texts = typeof request.input === 'string' ? [request.input] : request.input;
    const context = { scope: embeddingScope(tenant), policy: deps.services.piiPolicyFor(tenant), vault: deps.services.vault };
    const safe: string[] = [];
    for (let start = 0; start < texts.length; start += PSEUDONYMIZE_AT_ONCE) {
      safe.push(...(await Promise.all(texts.slice(start, start + PSEUDONYMIZE_AT_ONCE).map(async (text) => (await pseudonymize(text, context)).text))));
    }
    const result = await deps.services.llm
      .embed(safe, { model: request.model, tenant, jobType: 'embeddings', ...(request.dimensions ? { dimensions: request.dimensions } : {}) })
      .catch((error: unknown) => {
        throw embeddingError(error, typeof request.input === 'string');
      });
    const base64 = request.encoding_format === 'base64';
    res.json({
      object: 'list',
      data: result.vectors.map((vector, index) => ({ object: 'embedding', index, embedding: base64 ? toBase64(vector) : vector })),
      model: request.model,
      usage: { prompt_tokens: result.usage.inputTokens, total_tokens: result.usage.inputTokens },
    });
  };
}

function hasTokenIds(input: unknown): boolean {
  if (!Array.isArray(input)) return false;
  return input.some((entry) => typeof entry === 'number' || Array.isArray(entry));
}

/** Little-endian float32, base64: what OpenAI sends for `encoding_format: "base64"`. */
function toBase64(vector: readonly number[]): string {
  const floats = Float32Array.from(vector);
  return Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength).toString('base64');
}

/** What the LLM client's errors mean to the caller of a synchronous embedding. */
function embeddingError(error: unknown, single: boolean): unknown {
  if (error instanceof BudgetExhaustedError) return refusalError({ kind: 'budget', refusal: error.refusal });
  if (error instanceof InputTooLongError) {
    return invalidParam(
      single ? 'input' : `input.${error.index}`,
      `${error.tokens} tokens; the model embeds at most ${error.maxTokens} per input`,
      'context_length_exceeded',
    );
  }
  if (error instanceof RateLimitedError) {
    const seconds = Math.max(1, Math.ceil(error.retryAfterMs / 1000));
    return new HttpError(429, 'provider_rate_limited', `the model provider is rate limiting; retry in ${seconds} s`, undefined, {
      'Retry-After': String(seconds),
    });
  }
  if (error instanceof RetriableError)
    return new HttpError(503, 'provider_unavailable', 'the model provider is not answering; retry later', undefined, { 'Retry-After': '5' });
  // A refusal of this request (its input) is the caller's to fix; one of every request (credentials, model) is ours.
  if (error instanceof FatalError) {
    return error.stopsJob
      ? new HttpError(502, 'provider_refused', "the model provider refused the platform's request")
      : new HttpError(400, 'provider_rejected', `the model provider rejected the request (status ${error.status ?? 'none'})`);
  }
  return error;
}
