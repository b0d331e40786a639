import { Attr, SpanKind, withSpan, type Span, type SpanAttributes } from '@llmops/telemetry';
import { SCOPE } from './attempt-tracing';
import type { BatchResult, RunBatchOptions } from './batch';
import type { CallContext } from './call';
import type { ChatResult } from './chat';
import type { EmbedResult } from './embed';

// Provider-call spans: model, tokens, cost, attempts and retries; never a prompt, an answer or an error message.

const callAttributes = (operation: string, model: string, ctx: CallContext): SpanAttributes => ({
  [Attr.genAiOperation]: operation,
  [Attr.genAiModel]: model,
  [Attr.tenant]: ctx.tenant,
  [Attr.jobType]: ctx.jobType,
  [Attr.jobId]: ctx.jobId,
});

const usd = (value: string) => Number(value);

/** The provider's HTTP status on the call's span when the call fails with one (429 past the budget, 4xx). */
async function withStatus<T>(span: Span, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const status = (error as { status?: unknown } | null)?.status;
    if (typeof status === 'number') span.setAttribute(Attr.httpStatus, status);
    throw error;
  }
}

/** A CLIENT span `chat <model>` around one chat completion (its retries, limiter waits and ledger writes). */
export function tracedChat(model: string, ctx: CallContext, call: () => Promise<ChatResult>): Promise<ChatResult> {
  return withSpan(
    `chat ${model}`,
    callAttributes('chat', model, ctx),
    async (span) => {
      const result = await withStatus(span, call);
      span.setAttributes({
        [Attr.genAiProvider]: result.provider,
        [Attr.genAiInputTokens]: result.usage.inputTokens,
        [Attr.genAiOutputTokens]: result.usage.outputTokens,
        [Attr.llmCostUsd]: usd(result.costUsd),
        [Attr.llmAttempts]: result.attempts,
        [Attr.llmRetries]: Math.max(0, result.attempts - 1),
        [Attr.llmReplayed]: result.replayed,
      });
      return result;
    },
    { kind: SpanKind.CLIENT, scope: SCOPE },
  );
}

/** A CLIENT span `embeddings <model>` around one embed call (every packed request of it). */
export function tracedEmbed(model: string, inputs: number, ctx: CallContext, call: () => Promise<EmbedResult>): Promise<EmbedResult> {
  return withSpan(
    `embeddings ${model}`,
    { ...callAttributes('embeddings', model, ctx), [Attr.llmInputs]: inputs },
    async (span) => {
      const result = await withStatus(span, call);
      span.setAttributes({
        [Attr.genAiInputTokens]: result.usage.inputTokens,
        [Attr.llmCostUsd]: usd(result.costUsd),
        'llmops.llm.requests': result.usage.requests,
        [Attr.llmReplayed]: result.usage.replayed > 0,
      });
      return result;
    },
    { kind: SpanKind.CLIENT, scope: SCOPE },
  );
}

/** A CLIENT span `batch <model>` around a Batch API round trip (upload, polls, results). */
export function tracedBatch(model: string | undefined, items: number, ctx: RunBatchOptions, call: () => Promise<BatchResult>): Promise<BatchResult> {
  return withSpan(
    `batch ${model ?? 'unknown'}`,
    { ...callAttributes('batch', model ?? 'unknown', ctx), [Attr.llmInputs]: items, 'llmops.llm.resumed': ctx.resumeBatchId !== undefined },
    async (span) => {
      const result = await withStatus(span, call);
      span.setAttributes({
        [Attr.genAiInputTokens]: result.usage.inputTokens,
        [Attr.genAiOutputTokens]: result.usage.outputTokens,
        [Attr.llmCostUsd]: usd(result.costUsd),
        'llmops.batch.status': result.status,
        'llmops.batch.succeeded': result.succeeded.length,
        'llmops.batch.failed': result.failed.length,
        'llmops.batch.not_done': result.notDone.length,
      });
      return result;
    },
    { kind: SpanKind.CLIENT, scope: SCOPE },
  );
}
