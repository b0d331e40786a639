import { countWithEncoding } from './count';
import { encodingForModel } from './encoding';

/** A text part of a chat message's content array. Non-text parts (images, audio) are not counted. */
export interface ChatTextPart {
  type: 'text';
  text: string;
}

/** A chat message as sent to the Chat Completions API. */
export interface ChatMessage {
  role: string;
  content: string | null | ReadonlyArray<ChatTextPart | { type: string }>;
  name?: string;
}

function contentText(content: ChatMessage['content']): string {
  if (content === null) return '';
  if (typeof content === 'string') return content;
  let text = '';
  for (const part of content) if (part.type === 'text' && 'text' in part) text += part.text;
  return text;
}

/**
 * Prompt tokens that OpenAI bills for `messages`, following OpenAI's cookbook
 * ("How to count tokens with tiktoken", num_tokens_from_messages): every message costs 3 tokens of
 * framing plus its role, content and name (a name adds 1 more), and the reply is primed with 3.
 * gpt-3.5-turbo-0301 used 4 per message and -1 per name. Tool and function definitions are not
 * counted; for those the provider's reported usage is the truth.
 */
export function countChatTokens(messages: readonly ChatMessage[], model: string): number {
  const encoding = encodingForModel(model);
  const legacy = model.startsWith('gpt-3.5-turbo-0301');
  const perMessage = legacy ? 4 : 3;
  const perName = legacy ? -1 : 1;
  let total = 3;
  for (const message of messages) {
    total += perMessage + countWithEncoding(message.role, encoding);
    total += countWithEncoding(contentText(message.content), encoding);
    if (message.name !== undefined) total += perName + countWithEncoding(message.name, encoding);
  }
  return total;
}
