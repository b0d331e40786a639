import type { LlmopsClient } from '@llmops/client';

/** Page size of the tally's reads. */
const PAGE = 500;

/**
 * Cache hits and dollars of a running inference job, summed from its item results as they appear.
 * Items finish out of order, so the read position only moves past a page once every index in it is
 * present; items seen beyond it are remembered by id, so each is counted once.
 */
export class ResultTally {
  count = 0;
  cacheHits = 0;
  costNanoUsd = 0n;
  private cursor: string | undefined;
  private committed = 0;
  private readonly seen = new Set<string>();

  constructor(
    private readonly client: LlmopsClient,
    private readonly jobId: string,
  ) {}

  async poll(): Promise<void> {
    let cursor = this.cursor;
    let contiguous = true;
    for (;;) {
      const query = { cursor, limit: PAGE };
      const page = (
        await this.client.request<{ items: { id: string; index: number; result: unknown }[]; nextCursor: string | null }>(
          'GET',
          `/v1/jobs/${encodeURIComponent(this.jobId)}/results`,
          { query },
        )
      ).data;
      for (const item of page.items) {
        if (this.seen.has(item.id)) continue;
        this.seen.add(item.id);
        this.add(item.result);
      }
      const full = page.items.length === PAGE && page.items.every((item, i) => item.index === this.committed + i);
      if (contiguous && full && page.nextCursor) {
        this.cursor = page.nextCursor;
        this.committed += PAGE;
        for (const item of page.items) this.seen.delete(item.id);
      } else {
        contiguous = false;
      }
      if (!page.nextCursor) return;
      cursor = page.nextCursor;
    }
  }

  private add(result: unknown): void {
    this.count += 1;
    const { cache, costNanoUsd } = (result ?? {}) as { cache?: { outcome?: string }; costNanoUsd?: string };
    if (cache?.outcome === 'hit') this.cacheHits += 1;
    if (typeof costNanoUsd === 'string' && /^\d+$/.test(costNanoUsd)) this.costNanoUsd += BigInt(costNanoUsd);
  }
}

/** Nano-dollars as dollars with 4 decimals (`$0.0123`). */
export function dollars(nano: bigint): string {
  const cents = Number(nano / 100_000n) / 10_000;
  return cents.toFixed(4);
}
