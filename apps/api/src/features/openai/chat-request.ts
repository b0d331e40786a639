import type { InferenceItem, InferenceMessage, InferenceParameters } from '@llmops/contracts';
import { validationError } from '../../http/errors';
import { invalidParam } from './errors';
import { ChatCompletionRequest, type ChatMessage, unsupportedChatParameters } from './schemas';

const SUPPORTED = 'model, messages, temperature, top_p, max_tokens, max_completion_tokens, seed, n (1), stream, stream_options, user';

/**
 * Validates a chat completion body. OpenAI parameters the platform cannot honour are refused by name
 * (a null one is dropped: it asks for nothing); any other unknown key is counted, not named, like
 * every 400 of the API.
 */
export function parseChatRequest(body: unknown, where = 'body'): ChatCompletionRequest {
  const input = body && typeof body === 'object' && !Array.isArray(body) ? { ...(body as Record<string, unknown>) } : body;
  if (input && typeof input === 'object' && !Array.isArray(input)) {
    const record = input as Record<string, unknown>;
    for (const name of unsupportedChatParameters) {
      if (!(name in record)) continue;
      if (record[name] === null) delete record[name];
      else throw invalidParam(name, `not supported by the platform's OpenAI-compatible front door (supported: ${SUPPORTED})`, 'unsupported_parameter');
    }
  }
  const parsed = ChatCompletionRequest.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, where);
  return parsed.data;
}

const textOf = (content: ChatMessage['content']): string => (typeof content === 'string' ? content : content.map((part) => part.text).join('\n'));

/** The request's conversation as one inference item (text parts joined; `developer` sent as `system`). */
export function toInferenceItem(id: string, request: ChatCompletionRequest): InferenceItem {
  const messages: InferenceMessage[] = request.messages.map((message) => ({
    role: message.role === 'developer' ? 'system' : message.role,
    content: textOf(message.content),
  }));
  return { id, messages };
}

/** The sampling parameters an inference job carries (and its cache is scoped by). */
export function toParameters(request: ChatCompletionRequest): InferenceParameters {
  const limits = [request.max_tokens, request.max_completion_tokens].filter((value): value is number => typeof value === 'number');
  return {
    ...(typeof request.temperature === 'number' ? { temperature: request.temperature } : {}),
    ...(typeof request.top_p === 'number' ? { top_p: request.top_p } : {}),
    ...(limits.length > 0 ? { max_tokens: Math.min(...limits) } : {}),
    ...(typeof request.seed === 'number' ? { seed: request.seed } : {}),
  };
}
