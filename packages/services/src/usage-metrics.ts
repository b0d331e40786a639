import type { RedisClient } from '@llmops/redis';
import { llmKeyPrefix, spendKeys } from '@llmops/contracts';
import { CALL_EVENT_KINDS, type UsageEvent } from '@llmops/llm';

const fields = ['requests', 'input_tokens', 'output_tokens', 'cost_nano_usd'] as const;

/**
 * Prometheus counters that mirror the usage ledger across every replica: each counted call adds to
 * one Redis hash, which the API's /metrics renders. Labels: tenant, model, job type.
 */
export function usageCounterKey(prefix: string): string {
  return `${prefix}:metrics:llm-usage`;
}

export function recordUsageCounters(redis: RedisClient, prefix: string, event: UsageEvent): Promise<unknown> {
  const label = `${event.tenant}|${event.model}|${event.jobType}`;
  const values = [event.requests, event.inputTokens, event.outputTokens, event.costNanoUsd];
  const pipeline = redis.multi();
  fields.forEach((field, index) => pipeline.hincrby(usageCounterKey(prefix), `${label}|${field}`, String(values[index])));
  return pipeline.exec();
}

/**
 * The counters as Prometheus text: llmops_llm_<field>_total{tenant,model,job_type}, followed by the
 * provider-call events (see {@link renderCallEventCounters}).
 */
export async function renderUsageCounters(redis: RedisClient, prefix: string): Promise<string> {
  return `${await renderLedgerCounters(redis, prefix)}${await renderCallEventCounters(redis, prefix)}`;
}

/**
 * What delayed or repeated provider calls, counted by every replica's LLM client (`callEvents` under
 * the LLM key prefix): `llmops_llm_call_events_total{event,tenant,model,job_type}` (event: retry,
 * rate_limit_wait, limiter_wait, replay, unknown_outcome) and the time waited,
 * `llmops_llm_call_wait_seconds_total{event,tenant,model,job_type}`.
 */
export async function renderCallEventCounters(redis: RedisClient, prefix: string): Promise<string> {
  const raw = await redis.hgetall(spendKeys(llmKeyPrefix(prefix)).callEvents);
  const counts: string[] = [];
  const waits: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const [tenant, model, jobType, event, which] = key.split('|');
    if (!CALL_EVENT_KINDS.some((kind) => kind === event)) continue;
    const labels = `event="${escape(event)}",tenant="${escape(tenant)}",model="${escape(model)}",job_type="${escape(jobType)}"`;
    if (which === 'count') counts.push(`llmops_llm_call_events_total{${labels}} ${value}`);
    else if (which === 'wait_ms') waits.push(`llmops_llm_call_wait_seconds_total{${labels}} ${Number(value) / 1000}`);
  }
  return [
    '# HELP llmops_llm_call_events_total Provider calls retried, waiting on a 429 or the shared limiter, replayed from the call journal, or of unknown outcome, all replicas',
    '# TYPE llmops_llm_call_events_total counter',
    ...counts,
    '# HELP llmops_llm_call_wait_seconds_total Time provider calls waited before a retry, after a 429 or for the shared limiter, all replicas',
    '# TYPE llmops_llm_call_wait_seconds_total counter',
    ...waits,
    '',
  ].join('\n');
}

async function renderLedgerCounters(redis: RedisClient, prefix: string): Promise<string> {
  const raw = await redis.hgetall(usageCounterKey(prefix));
  const out: string[] = [];
  for (const field of fields) {
    const name = `llmops_llm_${field}_total`;
    out.push(`# HELP ${name} Provider ${field.replace(/_/g, ' ')} counted by the usage ledger, all replicas`, `# TYPE ${name} counter`);
    for (const [key, value] of Object.entries(raw)) {
      const [tenant, model, jobType, which] = key.split('|');
      if (which !== field) continue;
      out.push(`${name}{tenant="${escape(tenant)}",model="${escape(model)}",job_type="${escape(jobType)}"} ${value}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** Prometheus label value escaping: backslash, double quote and newline (a raw newline would start a new sample). */
function escape(value: string | undefined): string {
  return (value ?? '').replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
