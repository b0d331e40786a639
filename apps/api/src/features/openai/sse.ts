import type { Response } from 'express';
import type { ChatCompletion } from './completion';

/** Words (with their trailing space) sent per chunk: small enough to look like a stream, few enough to stay cheap. */
const WORDS_PER_CHUNK = 4;

/** Splits an answer into chunks at word boundaries; the chunks joined are the answer exactly. */
export function chunksOf(answer: string, wordsPerChunk = WORDS_PER_CHUNK): string[] {
  const words = answer.match(/\s*\S+\s*/g) ?? (answer ? [answer] : []);
  const chunks: string[] = [];
  for (let i = 0; i < words.length; i += wordsPerChunk) chunks.push(words.slice(i, i + wordsPerChunk).join(''));
  return chunks;
}

/**
 * Sends a finished completion as OpenAI's server-sent `chat.completion.chunk` events: the role, the
 * answer in word-boundary chunks, the finish reason, the usage when `stream_options.include_usage`
 * asked for it, then `[DONE]`. The platform's worker answers whole (its LLM client does not stream),
 * so the stream starts once the answer exists; the openai SDK's stream helpers work unchanged.
 */
export function streamCompletion(res: Response, completion: ChatCompletion, options: { includeUsage: boolean }): void {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('X-Accel-Buffering', 'no');
  const base = { id: completion.id, object: 'chat.completion.chunk', created: completion.created, model: completion.model, system_fingerprint: null };
  const usage = options.includeUsage ? { usage: null } : {};
  const send = (value: unknown) => res.write(`data: ${JSON.stringify(value)}\n\n`);
  const choice = (delta: Record<string, unknown>, finish: string | null) => ({
    ...base,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...usage,
  });
  send(choice({ role: 'assistant', content: '', refusal: null }, null));
  for (const piece of chunksOf(completion.choices[0]?.message.content ?? '')) send(choice({ content: piece }, null));
  send(choice({}, 'stop'));
  if (options.includeUsage) send({ ...base, choices: [], usage: completion.usage });
  res.end('data: [DONE]\n\n');
}
