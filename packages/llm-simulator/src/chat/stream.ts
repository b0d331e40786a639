import type { Response } from 'express';
import { SYSTEM_FINGERPRINT } from '../context';
import type { ChatChoice, PreparedChat } from './completion';
import { usageOf } from './completion';

/**
 * Sends choices as OpenAI's SSE stream: a role chunk, word-sized content chunks, a finish chunk per
 * choice, then (with stream_options.include_usage) a chunk with empty choices and the usage, then [DONE].
 */
export function streamChat(res: Response, id: string, prepared: PreparedChat, choices: ChatChoice[], created: number): void {
  const includeUsage = prepared.request.stream_options?.include_usage === true;
  const base = { id, object: 'chat.completion.chunk', created, model: prepared.request.model, system_fingerprint: SYSTEM_FINGERPRINT };
  const send = (choice: Record<string, unknown> | null, usage?: ReturnType<typeof usageOf>) => {
    const chunk = { ...base, choices: choice ? [choice] : [], ...(includeUsage ? { usage: usage ?? null } : {}) };
    res.write(`data: ${JSON.stringify(chunk)}\n\n`);
  };
  res.status(200);
  res.setHeader('content-type', 'text/event-stream; charset=utf-8');
  res.setHeader('cache-control', 'no-cache');
  res.flushHeaders();
  for (const choice of choices) {
    send({ index: choice.index, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null });
    for (const piece of choice.content.match(/\S*\s*/g) ?? []) {
      if (piece) send({ index: choice.index, delta: { content: piece }, logprobs: null, finish_reason: null });
    }
    send({ index: choice.index, delta: {}, logprobs: null, finish_reason: choice.finishReason });
  }
  if (includeUsage) {
    const completion = choices.reduce((sum, c) => sum + c.completionTokens, 0);
    send(null, usageOf(prepared.promptTokens, completion));
  }
  res.write('data: [DONE]\n\n');
  res.end();
}
