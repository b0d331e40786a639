import type { VectorPoint, VectorStore } from '@llmops/vector';

interface Pending {
  point: VectorPoint;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for cache points: stores that arrive within `waitMs` of each other (concurrent items
 * of a job) share one upsert per tenant, since each LanceDB commit costs ~55 ms whatever its size.
 * Every caller's promise resolves once its point is searchable.
 */
export class PointWriter {
  #pending = new Map<string, Pending[]>();
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly vectors: VectorStore,
    private readonly collection: () => Promise<string>,
    private readonly options: { waitMs: number; maxBatch: number },
  ) {}

  write(tenant: string, point: VectorPoint): Promise<void> {
    return new Promise((resolve, reject) => {
      const queue = this.#pending.get(tenant) ?? [];
      queue.push({ point, resolve, reject });
      this.#pending.set(tenant, queue);
      if (queue.length >= this.options.maxBatch) void this.#flushTenant(tenant);
      else if (this.#timer === undefined) this.#timer = setTimeout(() => this.#flushAll(), this.options.waitMs);
    });
  }

  #flushAll(): void {
    this.#timer = undefined;
    for (const tenant of [...this.#pending.keys()]) void this.#flushTenant(tenant);
  }

  async #flushTenant(tenant: string): Promise<void> {
    const group = this.#pending.get(tenant) ?? [];
    this.#pending.delete(tenant);
    if (group.length === 0) return;
    try {
      await this.vectors.forTenant(tenant).upsert(
        await this.collection(),
        group.map((g) => g.point),
      );
      for (const g of group) g.resolve();
    } catch (error) {
      for (const g of group) g.reject(error);
    }
  }
}
