import { encodingForModel, getEncoder } from '@llmops/tokens';
import { SYSTEM_FINGERPRINT } from '../context';
import { invalid, parseBody } from '../http/errors';
import { hash53, rngFor, type Rng } from '../random';
import { chatAnswer, keyTerms } from './answer';
import { generateValue, isJudgeSchema, type JsonSchema } from './json-schema';
import { judge } from './judge';
import { countPromptTokens, lastUserText } from './prompt';
import { ChatRequest } from './request';

/** A validated chat request with its token counts, before rate limiting. */
export interface PreparedChat {
  request: ChatRequest;
  promptTokens: number;
  /** What the RPM/TPM limiter charges: prompt tokens + max_tokens x n, like OpenAI's estimate. */
  estimatedTokens: number;
  promptHash: number;
}

export interface ChatChoice {
  index: number;
  content: string;
  finishReason: 'stop' | 'length';
  completionTokens: number;
}

export function prepareChat(body: unknown): PreparedChat {
  const request = parseBody(ChatRequest, body);
  if (request.max_tokens != null && request.max_completion_tokens != null) {
    throw invalid('Use max_tokens or max_completion_tokens, not both.', 'max_tokens', 'invalid_value');
  }
  const fmt = request.response_format;
  if (fmt?.type === 'json_schema' && !fmt.json_schema.schema) {
    throw invalid("Missing required parameter: 'response_format.json_schema.schema'.", 'response_format.json_schema.schema', 'missing_required_parameter');
  }
  const promptTokens = countPromptTokens(request.messages, request.model);
  const maxTokens = request.max_completion_tokens ?? request.max_tokens ?? 0;
  return {
    request,
    promptTokens,
    estimatedTokens: promptTokens + maxTokens * (request.n ?? 1),
    promptHash: hash53(JSON.stringify([request.messages, request.response_format ?? null])),
  };
}

/**
 * The n choices. Temperature 0 gives n identical, always-the-same answers; otherwise each choice is
 * seeded by (seed param, prompt hash, choice index) or, without a seed, by (simulator seed, prompt
 * hash, how often this prompt was seen, choice index): different samples, reproducible runs.
 */
export function answerChat(prepared: PreparedChat, simSeed: number, occurrence: () => number): ChatChoice[] {
  const { request, promptHash } = prepared;
  const temperature = request.temperature ?? 1;
  const n = request.n ?? 1;
  const seen = temperature > 0 && request.seed == null ? occurrence() : 0;
  const question = lastUserText(request.messages);
  const maxTokens = request.max_completion_tokens ?? request.max_tokens ?? null;
  const encoder = getEncoder(encodingForModel(request.model));
  return Array.from({ length: n }, (_, index) => {
    const variation: Rng | null =
      temperature === 0 ? null : request.seed != null ? rngFor('answer', request.seed, promptHash, index) : rngFor('answer', simSeed, promptHash, seen, index);
    const full = render(prepared, question, variation);
    const tokens = encoder.encode_ordinary(full);
    if (maxTokens !== null && tokens.length > maxTokens) {
      const cut = new TextDecoder().decode(encoder.decode(tokens.slice(0, maxTokens)));
      return { index, content: cut, finishReason: 'length' as const, completionTokens: maxTokens };
    }
    return { index, content: full, finishReason: 'stop' as const, completionTokens: tokens.length };
  });
}

function render(prepared: PreparedChat, question: string, variation: Rng | null): string {
  const { request, promptHash } = prepared;
  const answer = chatAnswer(question, variation);
  const fmt = request.response_format;
  if (fmt?.type === 'json_object') return JSON.stringify({ answer });
  if (fmt?.type !== 'json_schema') return answer;
  const schema = (fmt.json_schema.schema ?? {}) as JsonSchema;
  if (isJudgeSchema(schema)) {
    // A judge's verdict depends on the case content only: no seed, no temperature.
    const verdict = judge(request.messages);
    return JSON.stringify(generateValue(schema, { rng: rngFor('judge', promptHash), answer, terms: keyTerms(question), verdict }));
  }
  const rng = variation ?? rngFor('json', promptHash);
  return JSON.stringify(generateValue(schema, { rng, answer, terms: keyTerms(question) }));
}

/** The chat.completion object for a non-streamed answer. */
export function completionBody(id: string, prepared: PreparedChat, choices: ChatChoice[], created: number) {
  const completionTokens = choices.reduce((sum, c) => sum + c.completionTokens, 0);
  return {
    id,
    object: 'chat.completion' as const,
    created,
    model: prepared.request.model,
    system_fingerprint: SYSTEM_FINGERPRINT,
    service_tier: 'default',
    choices: choices.map((c) => ({
      index: c.index,
      message: { role: 'assistant' as const, content: c.content, refusal: null, annotations: [] },
      logprobs: null,
      finish_reason: c.finishReason,
    })),
    usage: usageOf(prepared.promptTokens, completionTokens),
  };
}

export function usageOf(promptTokens: number, completionTokens: number) {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}
