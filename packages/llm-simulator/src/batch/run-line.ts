import { answerChat, completionBody, prepareChat } from '../chat/completion';
import type { SimContext } from '../context';
import { embeddingsBody, prepareEmbeddings } from '../embeddings/endpoint';
import { ApiError } from '../http/errors';
import type { LineResult } from './types';

/**
 * One batch line through the same chat/embeddings logic as the HTTP routes (no latency, faults or
 * RPM/TPM: the Batch API has its own queue).
 */
export function runLine(ctx: SimContext, url: string, body: unknown, id: string): LineResult {
  try {
    if (url === '/v1/embeddings') {
      const prepared = prepareEmbeddings(body, (m) => ctx.dimensionsFor(m));
      return { statusCode: 200, body: embeddingsBody(prepared), model: prepared.model, promptTokens: prepared.promptTokens, completionTokens: 0 };
    }
    const prepared = prepareChat(body);
    if (prepared.request.stream) throw new ApiError(400, 'Streaming is not supported in the Batch API.', 'invalid_request_error', 'stream');
    const choices = answerChat(prepared, ctx.seed, () => ctx.occurrence(prepared.promptHash));
    const completion = completionBody(id, prepared, choices, Math.floor(Date.now() / 1000));
    return {
      statusCode: 200,
      body: completion,
      model: prepared.request.model,
      promptTokens: prepared.promptTokens,
      completionTokens: completion.usage.completion_tokens,
    };
  } catch (err) {
    if (err instanceof ApiError) return { statusCode: err.status, body: err.body(), model: null, promptTokens: 0, completionTokens: 0 };
    throw err;
  }
}
