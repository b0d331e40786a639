import type { z } from 'zod';
import { cancelledReason } from '@llmops/queue';
import { HttpError } from '../../http/errors';
import type { OpenAiChatCompletion } from './responses';

/** `usage` of an OpenAI answer. On a cache hit it is 0: nothing was generated or billed. */
export type CompletionUsage = ChatCompletion['usage'];

/** OpenAI's `chat.completion` object, as the openai SDK types it (text answers, one choice). */
export type ChatCompletion = z.infer<typeof OpenAiChatCompletion>;

export const usageOf = (usage: { inputTokens: number; outputTokens: number }): CompletionUsage => ({
  prompt_tokens: usage.inputTokens,
  completion_tokens: usage.outputTokens,
  total_tokens: usage.inputTokens + usage.outputTokens,
});

/**
 * The answer as OpenAI shapes it. `finish_reason` is always `stop`: the platform's item results do
 * not keep the provider's reason, so an answer cut at max_tokens is not told apart.
 */
export function chatCompletion(input: { id: string; created: number; model: string; answer: string; usage: CompletionUsage }): ChatCompletion {
  return {
    id: input.id,
    object: 'chat.completion',
    created: input.created,
    model: input.model,
    choices: [{ index: 0, message: { role: 'assistant', content: input.answer, refusal: null }, logprobs: null, finish_reason: 'stop' }],
    usage: input.usage,
    system_fingerprint: null,
  };
}

/** `chatcmpl-<uuid>` for the inference job `inference-<uuid>` that answered. */
export const completionIdOf = (jobId: string): string => `chatcmpl-${jobId.slice(-36).replaceAll('-', '')}`;

/**
 * What the client gets when the job behind its request failed. The job already used its own retries
 * (the answer says the SDK should not add more): a spent budget is OpenAI's 402-like quota refusal,
 * a cancellation a 409, anything else a 502 from the provider's side.
 */
export function jobFailure(reason: string): HttpError {
  if (reason === cancelledReason) return new HttpError(409, 'cancelled', 'the request was cancelled before it was answered');
  const code = /^([a-z]+(?:_[a-z]+)+): /.exec(reason)?.[1];
  if (code === 'budget_exhausted') return new HttpError(402, 'budget_exceeded', reason);
  return new HttpError(502, 'job_failed', `the inference job failed: ${reason}`);
}

/** The provider could not answer this one request (the job went on and recorded it as failed). */
export const itemFailure = (message: string | undefined): HttpError =>
  new HttpError(502, 'upstream_error', `the model provider could not answer this request${message ? `: ${message}` : ''}`);
