import { quantile, type TenantLimitsService } from '@llmops/limits';
import { formatLabels } from './exposition';

/**
 * The tenant limits' metrics, read from Redis so they cover every replica: refusals by tenant and
 * limit (the 429s, 402s and 413s, and budget stops in workers), budget left per tenant and limit, and
 * how long jobs waited in each queue per tenant (p50/p95 from the shared histogram).
 */
export async function renderLimitMetrics(limits: TenantLimitsService, tenants: readonly string[], queues: readonly string[]): Promise<string> {
  const out: string[] = [];
  const family = (name: string, type: string, help: string) => out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);

  family('llmops_limit_refusals_total', 'counter', 'Requests and calls refused by a tenant limit (rate, concurrency, work, budget, storage)');
  for (const row of await limits.refusals.read()) out.push(`llmops_limit_refusals_total${formatLabels({ tenant: row.tenant, limit: row.limit })} ${row.count}`);

  family('llmops_budget_remaining', 'gauge', 'What is left of each budget (dollars or tokens, see unit), after spend and holds');
  const statuses = await Promise.all(tenants.map(async (tenant) => [tenant, await limits.budgets.status(tenant)] as const));
  for (const [tenant, lines] of statuses) {
    for (const line of lines) out.push(`llmops_budget_remaining${formatLabels({ tenant, limit: line.limit, unit: line.unit })} ${Number(line.remaining)}`);
  }

  const waits = await Promise.all(queues.flatMap((queue) => tenants.map(async (tenant) => ({ queue, tenant, histogram: await limits.waits.read(queue, tenant) }))));
  const observed = waits.filter((wait) => wait.histogram.count > 0);
  family('llmops_queue_wait_seconds', 'histogram', 'Time jobs waited between submission and their first start, per queue and tenant');
  for (const { queue, tenant, histogram } of observed) {
    for (const [le, count] of histogram.buckets) out.push(`llmops_queue_wait_seconds_bucket${formatLabels({ queue, tenant, le })} ${count}`);
    out.push(`llmops_queue_wait_seconds_sum${formatLabels({ queue, tenant })} ${histogram.sum}`, `llmops_queue_wait_seconds_count${formatLabels({ queue, tenant })} ${histogram.count}`);
  }
  family('llmops_queue_wait_quantile_seconds', 'gauge', 'p50 and p95 of llmops_queue_wait_seconds per queue and tenant');
  for (const { queue, tenant, histogram } of observed) {
    for (const q of [0.5, 0.95]) out.push(`llmops_queue_wait_quantile_seconds${formatLabels({ queue, tenant, quantile: String(q) })} ${quantile(histogram, q) ?? 0}`);
  }
  return `${out.join('\n')}\n`;
}
