import { countWithEncoding, getEncoder } from '@llmops/tokens';
import { z } from 'zod';
import { invalid, parseBody } from '../http/errors';
import { acceptsDimensions } from '../models';
import { embedText, toBase64 } from './vector';

/** OpenAI's per-request limits for embeddings. */
export const EMBEDDING_LIMITS = { maxInputs: 2048, maxTokensPerRequest: 300_000, maxTokensPerInput: 8192 };

const TokenArray = z.array(z.number().int().min(0));

export const EmbeddingRequest = z.looseObject({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(z.string()), TokenArray, z.array(TokenArray)]),
  encoding_format: z.enum(['float', 'base64']).optional(),
  dimensions: z.number().int().min(1).optional(),
  user: z.string().optional(),
});

export interface PreparedEmbeddings {
  model: string;
  texts: string[];
  promptTokens: number;
  dimensions: number;
  base64: boolean;
}

/** Validates an embeddings request and enforces OpenAI's per-request limits (400s in OpenAI's shape). */
export function prepareEmbeddings(body: unknown, nativeDimensions: (model: string) => number): PreparedEmbeddings {
  const request = parseBody(EmbeddingRequest, body);
  const texts = toTexts(request.input);
  if (texts.length === 0) throw invalid("'$.input' is invalid: it must not be an empty array.", 'input', 'invalid_value');
  if (texts.length > EMBEDDING_LIMITS.maxInputs) {
    throw invalid(`'$.input' is too long: ${texts.length} inputs, the maximum is ${EMBEDDING_LIMITS.maxInputs}.`, 'input', 'invalid_value');
  }
  let promptTokens = 0;
  texts.forEach((text, i) => {
    if (text.length === 0) throw invalid(`'$.input[${i}]' is invalid: input must not be an empty string.`, 'input', 'invalid_value');
    const tokens = countWithEncoding(text, 'cl100k_base');
    if (tokens > EMBEDDING_LIMITS.maxTokensPerInput) {
      throw invalid(
        `This model's maximum context length is ${EMBEDDING_LIMITS.maxTokensPerInput} tokens, however you requested ${tokens} tokens (${tokens} in your prompt; 0 for the completion). Please reduce your prompt; or completion length.`,
        'input',
        'context_length_exceeded',
      );
    }
    promptTokens += tokens;
  });
  if (promptTokens > EMBEDDING_LIMITS.maxTokensPerRequest) {
    throw invalid(`Requested ${promptTokens} tokens, max ${EMBEDDING_LIMITS.maxTokensPerRequest} tokens per request`, 'input', 'max_tokens_per_request');
  }
  const native = nativeDimensions(request.model);
  if (request.dimensions !== undefined) {
    if (!acceptsDimensions(request.model)) throw invalid('This model does not support specifying dimensions.', 'dimensions', 'invalid_value');
    if (request.dimensions > native) {
      throw invalid(`Invalid value for 'dimensions' = ${request.dimensions}. Must be less than or equal to ${native}.`, 'dimensions', 'invalid_value');
    }
  }
  return { model: request.model, texts, promptTokens, dimensions: request.dimensions ?? native, base64: request.encoding_format === 'base64' };
}

export function embeddingsBody(prepared: PreparedEmbeddings) {
  return {
    object: 'list' as const,
    data: prepared.texts.map((text, index) => {
      const vector = embedText(text, prepared.dimensions);
      return { object: 'embedding' as const, index, embedding: prepared.base64 ? toBase64(vector) : Array.from(vector) };
    }),
    model: prepared.model,
    usage: { prompt_tokens: prepared.promptTokens, total_tokens: prepared.promptTokens },
  };
}

function toTexts(input: z.infer<typeof EmbeddingRequest>['input']): string[] {
  if (typeof input === 'string') return [input];
  if (input.length === 0) return [];
  // Token-id input (one array, or an array of arrays) is decoded back to text with cl100k_base.
  if (typeof input[0] === 'number') return [decode(input as number[])];
  if (Array.isArray(input[0])) return (input as number[][]).map(decode);
  return input as string[];
}

function decode(tokens: number[]): string {
  if (tokens.length === 0) return '';
  try {
    return new TextDecoder().decode(getEncoder('cl100k_base').decode(Uint32Array.from(tokens)));
  } catch {
    throw invalid("'$.input' is invalid: it contains an unknown token id.", 'input', 'invalid_value');
  }
}
