import type { RedisClient } from '@llmops/redis';
import type { Registry } from 'prom-client';
import { llmKeyPrefix, spendKeys } from '@llmops/contracts';
import { CALL_EVENT_KINDS } from '@llmops/llm';
import { usageCounterKey } from '@llmops/services';
import { sharedRead, storedCounter, type StoredSample } from './stored-metrics';

type UsageLabels = 'tenant' | 'model' | 'job_type';
type EventLabels = 'event' | UsageLabels;

/** The ledger mirror's fields (packages/services usage-metrics.ts) and the metric each becomes. */
const ledgerFields = {
  requests: ['llmops_llm_requests_total', 'Provider requests counted by the usage ledger, all replicas'],
  input_tokens: ['llmops_llm_input_tokens_total', 'Provider input tokens counted by the usage ledger, all replicas'],
  output_tokens: ['llmops_llm_output_tokens_total', 'Provider output tokens counted by the usage ledger, all replicas'],
  cost_nano_usd: ['llmops_llm_cost_nano_usd_total', 'Provider cost in nano-dollars counted by the usage ledger, all replicas'],
} as const;

type LedgerField = keyof typeof ledgerFields;
const isLedgerField = (value: string): value is LedgerField => Object.hasOwn(ledgerFields, value);

/**
 * Provider usage and call behaviour, from the Redis hashes every replica's LLM client adds to: the
 * ledger's requests, tokens and dollars by tenant, model and job type; retries, 429 waits, shared
 * limiter waits, journal replays and unknown outcomes with the time they waited.
 */
export function registerProviderMetrics(options: { redis: RedisClient; prefix: string; registry: Registry }): void {
  const ledger = sharedRead(() => readLedger(options.redis, options.prefix));
  for (const [field, [name, help]] of Object.entries(ledgerFields)) {
    storedCounter<UsageLabels>({
      name,
      help,
      labelNames: ['tenant', 'model', 'job_type'],
      registry: options.registry,
      read: async () => (await ledger()).filter((row) => row.field === field),
    });
  }
  storedCounter<UsageLabels>({
    name: 'llmops_llm_cost_usd_total',
    help: 'Provider cost in dollars counted by the usage ledger, all replicas (llmops_llm_cost_nano_usd_total / 1e9)',
    labelNames: ['tenant', 'model', 'job_type'],
    registry: options.registry,
    read: async () => (await ledger()).filter((row) => row.field === 'cost_nano_usd').map((row) => ({ labels: row.labels, value: row.value / 1e9 })),
  });

  const events = sharedRead(() => readCallEvents(options.redis, options.prefix));
  storedCounter<EventLabels>({
    name: 'llmops_llm_call_events_total',
    help: 'Provider calls retried (event="retry"), waiting on a 429 ("rate_limit_wait") or the shared limiter ("limiter_wait"), replayed from the call journal ("replay") or of unknown outcome ("unknown_outcome"), all replicas',
    labelNames: ['event', 'tenant', 'model', 'job_type'],
    registry: options.registry,
    read: async () => (await events()).filter((row) => row.which === 'count'),
  });
  storedCounter<EventLabels>({
    name: 'llmops_llm_call_wait_seconds_total',
    help: 'Time provider calls waited before a retry, after a 429 or for the shared limiter, by event, all replicas',
    labelNames: ['event', 'tenant', 'model', 'job_type'],
    registry: options.registry,
    read: async () => (await events()).filter((row) => row.which === 'wait_ms').map((row) => ({ labels: row.labels, value: row.value / 1000 })),
  });
}

/** Fields `tenant|model|jobType|field`; a model name may itself hold `|`, so it is what lies between. */
async function readLedger(redis: RedisClient, prefix: string): Promise<(StoredSample<UsageLabels> & { field: LedgerField })[]> {
  const rows: (StoredSample<UsageLabels> & { field: LedgerField })[] = [];
  for (const [key, value] of Object.entries(await redis.hgetall(usageCounterKey(prefix)))) {
    const parts = key.split('|');
    const field = parts.pop() ?? '';
    const jobType = parts.pop() ?? '';
    const tenant = parts.shift() ?? '';
    if (!isLedgerField(field) || parts.length === 0) continue;
    rows.push({ field, labels: { tenant, model: parts.join('|'), job_type: jobType }, value: Number(value) });
  }
  return rows;
}

/** Fields `tenant|model|jobType|kind|count` and `...|wait_ms` (packages/llm events.ts). */
async function readCallEvents(redis: RedisClient, prefix: string): Promise<(StoredSample<EventLabels> & { which: string })[]> {
  const rows: (StoredSample<EventLabels> & { which: string })[] = [];
  for (const [key, value] of Object.entries(await redis.hgetall(spendKeys(llmKeyPrefix(prefix)).callEvents))) {
    const parts = key.split('|');
    const which = parts.pop() ?? '';
    const event = parts.pop() ?? '';
    const jobType = parts.pop() ?? '';
    const tenant = parts.shift() ?? '';
    if (!CALL_EVENT_KINDS.some((kind) => kind === event) || parts.length === 0) continue;
    rows.push({ which, labels: { event, tenant, model: parts.join('|'), job_type: jobType }, value: Number(value) });
  }
  return rows;
}
