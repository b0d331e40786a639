import { countWithEncoding, encodingForModel, type EncodingName } from '@llmops/tokens';

/** A chat message as far as the simulator reads it. */
export interface ChatMessage {
  role: string;
  content?: unknown;
  name?: string | undefined;
}

/** The text of a message: a string, or the text parts of a content array. */
export function messageText(message: ChatMessage): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: unknown) =>
      typeof part === 'object' && part !== null && typeof (part as { text?: unknown }).text === 'string' ? (part as { text: string }).text : '',
    )
    .join('\n');
}

/** The last user message's text (the question), or the last message's text when no user spoke. */
export function lastUserText(messages: ChatMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m?.role === 'user') return messageText(m);
  }
  const last = messages[messages.length - 1];
  return last ? messageText(last) : '';
}

/**
 * Prompt tokens as OpenAI bills them: 3 per message, the tokens of role, content and name (+1 for a
 * name), and 3 that prime the reply (the OpenAI cookbook's rule for the gpt-3.5/4/4o families).
 */
export function countPromptTokens(messages: ChatMessage[], model: string): number {
  const encoding: EncodingName = encodingForModel(model);
  let total = 3;
  for (const message of messages) {
    total += 3 + countWithEncoding(message.role, encoding) + countWithEncoding(messageText(message), encoding);
    if (message.name) total += 1 + countWithEncoding(message.name, encoding);
  }
  return total;
}
