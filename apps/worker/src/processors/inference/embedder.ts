import { createHash } from 'node:crypto';
import type { LlmClient } from '@llmops/llm';

/** Embedding model and size for cache lookups (small vectors keep the in-process scan fast). */
export const CACHE_EMBEDDING = { model: 'text-embedding-3-small', dimensions: 256 } as const;

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
    const key = createHash('sha256').update(group.map((g) => g.text).join('\u0000')).digest('hex').slice(0, 24);
    llm
      .embed(
        group.map((g) => g.text),
        { ...context, model: options.model, dimensions: options.dimensions, idempotencyKey: `${context.jobId}:emb:${options.model}:${key}` },
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
