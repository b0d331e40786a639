import type { Redis } from 'ioredis';
import type { UsageEvent } from '@llmops/llm';

const fields = ['requests', 'input_tokens', 'output_tokens', 'cost_nano_usd'] as const;

/**
 * Prometheus counters that mirror the usage ledger across every replica: each counted call adds to
 * one Redis hash, which the API's /metrics renders. Labels: tenant, model, job type.
 */
export function usageCounterKey(prefix: string): string {
  return `${prefix}:metrics:llm-usage`;
}

export function recordUsageCounters(redis: Redis, prefix: string, event: UsageEvent): Promise<unknown> {
  const label = `${event.tenant}|${event.model}|${event.jobType}`;
  const values = [event.requests, event.inputTokens, event.outputTokens, event.costNanoUsd];
  const pipeline = redis.multi();
  fields.forEach((field, index) => pipeline.hincrby(usageCounterKey(prefix), `${label}|${field}`, String(values[index])));
  return pipeline.exec();
}

/** The counters as Prometheus text: llmops_llm_<field>_total{tenant,model,job_type}. */
export async function renderUsageCounters(redis: Redis, prefix: string): Promise<string> {
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
