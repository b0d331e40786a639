import type { Registry } from 'prom-client';
import { quantile, type TenantLimitsService } from '@llmops/limits';
import { sharedRead, storedCounter, storedGauge, StoredHistogram } from './stored-metrics';

/**
 * The tenant limits' metrics, read from Redis so they cover every replica: refusals by tenant and
 * limit (the 429s, 402s and 413s, and budget stops in workers), budget left per tenant and limit, and
 * how long jobs waited in each queue per tenant (the shared histogram, and its p50/p95).
 */
export function registerLimitMetrics(options: {
  limits: TenantLimitsService;
  tenants: () => readonly string[];
  queues: readonly string[];
  registry: Registry;
}): void {
  const { limits, registry } = options;
  storedCounter({
    name: 'llmops_limit_refusals_total',
    help: 'Requests and calls refused by a tenant limit (rate, concurrency, work, budget, storage)',
    labelNames: ['tenant', 'limit'],
    registry,
    read: async () => (await limits.refusals.read()).map((row) => ({ labels: { tenant: row.tenant, limit: row.limit }, value: row.count })),
  });
  storedGauge({
    name: 'llmops_budget_remaining',
    help: 'What is left of each budget (dollars or tokens, see unit), after spend and holds',
    labelNames: ['tenant', 'limit', 'unit'],
    registry,
    read: async () => {
      const statuses = await Promise.all(options.tenants().map(async (tenant) => [tenant, await limits.budgets.status(tenant)] as const));
      return statuses.flatMap(([tenant, lines]) =>
        lines.map((line) => ({ labels: { tenant, limit: line.limit, unit: line.unit }, value: Number(line.remaining) })),
      );
    },
  });

  // Only the tenants a queue has seen: queues x tenants would otherwise be mostly empty reads and zeros.
  const waits = sharedRead(async () => {
    const seen = await Promise.all(options.queues.map(async (queue) => ({ queue, tenants: await limits.waits.tenants(queue) })));
    const all = await Promise.all(
      seen.flatMap(({ queue, tenants }) => tenants.map(async (tenant) => ({ queue, tenant, histogram: await limits.waits.read(queue, tenant) }))),
    );
    return all.filter((wait) => wait.histogram.count > 0);
  });
  new StoredHistogram({
    name: 'llmops_queue_wait_seconds',
    help: 'Time jobs waited between submission and their first start, per queue and tenant',
    labelNames: ['queue', 'tenant'],
    registry,
    read: async () => (await waits()).map(({ queue, tenant, histogram }) => ({ labels: { queue, tenant }, ...histogram })),
  });
  storedGauge({
    name: 'llmops_queue_wait_quantile_seconds',
    help: 'p50 and p95 of llmops_queue_wait_seconds per queue and tenant',
    labelNames: ['queue', 'tenant', 'quantile'],
    registry,
    read: async () =>
      (await waits()).flatMap(({ queue, tenant, histogram }) =>
        [0.5, 0.95].map((q) => ({ labels: { queue, tenant, quantile: String(q) }, value: quantile(histogram, q) ?? 0 })),
      ),
  });
}
