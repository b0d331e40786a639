import { createHash } from 'node:crypto';
import { DEFAULT_CACHE_EMBEDDING, embedParams } from '@llmops/cache';
import type { LlmClient } from '@llmops/llm';

/**
 * The cache's embedding call (model, and dimensions where the model takes them): the same one the
 * cache's scopes and collection are made for, and the one calibration measures.
 */
export const CACHE_EMBEDDING = embedParams(DEFAULT_CACHE_EMBEDDING);

/**
 * Collects embedding requests for a few milliseconds and sends them as one packed call, so items
 * running concurrently share requests. The ledger key is derived from the texts, so a replay of the
 * same group is not billed twice.
 */
export function createEmbedBatcher(
  llm: LlmClient,
  context: { tenant: string; jobId: string; jobType: string; signal?: AbortSignal },
  options: { model: string; dimensions?: number; maxBatch?: number; waitMs?: number },
) {
  let pending: { text: string; resolve: (v: number[]) => void; reject: (e: unknown) => void }[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const group = pending;
    pending = [];
    if (group.length === 0) return;
    const key = createHash('sha256')
      .update(group.map((g) => g.text).join('\u0000'))
      .digest('hex')
      .slice(0, 24);
    llm
      .embed(
        group.map((g) => g.text),
        {
          ...context,
          model: options.model,
          dimensions: options.dimensions,
          idempotencyKey: `${context.jobId}:emb:${options.model}:${options.dimensions ?? 'native'}:${key}`,
        },
      )
      .then(
        (result) => group.forEach((g, i) => g.resolve(result.vectors[i]!)),
        (error: unknown) => group.forEach((g) => g.reject(error)),
      );
  };
  return (text: string): Promise<number[]> =>
    new Promise((resolve, reject) => {
      pending.push({ text, resolve, reject });
      if (pending.length >= (options.maxBatch ?? 64)) flush();
      else timer ??= setTimeout(flush, options.waitMs ?? 5);
    });
}
export type EmbedBatcher = ReturnType<typeof createEmbedBatcher>;
