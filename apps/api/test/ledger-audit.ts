// The provider's word against the ledger's, call for call: every answer the simulator logged is matched
// with the ledger marker of the attempt it answered (by X-Client-Request-Id; batch lines by batch id).
import type { RedisClient } from '@llmops/redis';
import { llmKeyPrefix, spendKeys } from '@llmops/contracts';
import { readUsage, type UsageMarker } from '@llmops/llm';
import type { LogEntry } from '@llmops/llm-simulator';

export interface Totals {
  requests: number;
  inputTokens: number;
  outputTokens: number;
}

export interface Audit {
  /** `tenant|jobType` -> what the ledger counted (readUsage, as /v1/usage reports it). */
  ledger: Record<string, Totals>;
  /** `tenant|jobType` -> what the provider answered under a request id the ledger counted. */
  provider: Record<string, Totals>;
  /** Answers the provider gave that no ledger marker claims, counted or unknown: what nobody accounts for. */
  unclaimed: LogEntry[];
  /**
   * Answers the provider gave to attempts their job declared of unknown outcome (in flight when the
   * attempt died): billed by the provider, received by nobody, on record in the ledger, not counted.
   */
  unknown: LogEntry[];
  /** Attempts declared of unknown outcome, whether or not the provider answered them. */
  declaredUnknown: number;
  /** Ledger markers no provider answer matches (counted without being billed). */
  phantoms: string[];
  /** Answers whose tokens differ from what the ledger counted for them. */
  mismatched: string[];
  /** Calls (same identity) the provider answered more than once. */
  answeredTwice: number;
}

const billable = (entry: LogEntry) => entry.status === 200 && (entry.path === '/v1/chat/completions' || entry.path === '/v1/embeddings');
const add = (into: Record<string, Totals>, key: string, requests: number, inputTokens: number, outputTokens: number) => {
  const row = (into[key] ??= { requests: 0, inputTokens: 0, outputTokens: 0 });
  row.requests += requests;
  row.inputTokens += inputTokens;
  row.outputTokens += outputTokens;
};

/** Every ledger marker of the tenants under the deployment prefix, by request id (batches: by batch id). */
async function markersOf(
  redis: RedisClient,
  prefix: string,
  tenants: readonly string[],
): Promise<{ counted: Map<string, UsageMarker & { tenant: string }>; unknown: Set<string> }> {
  const out = new Map<string, UsageMarker & { tenant: string }>();
  const unknown = new Set<string>();
  const keys = spendKeys(llmKeyPrefix(prefix));
  for (const tenant of tenants) {
    const pattern = keys.idempotency(tenant, '*').replace(/[{}]/g, (c) => `\\${c}`);
    let cursor = '0';
    do {
      const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      const values = found.length > 0 ? await redis.mget(...found) : [];
      values.forEach((value, i) => {
        if (value === null || value === '1') return;
        const marker = JSON.parse(value) as UsageMarker;
        if (marker.outcome === 'unknown') unknown.add(marker.requestId ?? found[i]!);
        else out.set(marker.requestId ?? found[i]!, { ...marker, tenant });
      });
    } while (cursor !== '0');
  }
  return { counted: out, unknown };
}

export async function auditLedger(redis: RedisClient, prefix: string, tenants: readonly string[], log: readonly LogEntry[]): Promise<Audit> {
  const { counted: markers, unknown } = await markersOf(redis, prefix, tenants);
  const audit: Audit = { ledger: {}, provider: {}, unclaimed: [], unknown: [], declaredUnknown: unknown.size, phantoms: [], mismatched: [], answeredTwice: 0 };
  const claimed = new Set<string>();
  const batches = new Map<string, { inputTokens: number; outputTokens: number; lines: number }>();
  const calls = new Map<string, number>();
  for (const entry of log.filter(billable)) {
    if (entry.batchId) {
      const batch = batches.get(entry.batchId) ?? { inputTokens: 0, outputTokens: 0, lines: 0 };
      batch.inputTokens += entry.promptTokens;
      batch.outputTokens += entry.completionTokens;
      batch.lines += 1;
      batches.set(entry.batchId, batch);
      continue;
    }
    const marker = entry.requestId ? markers.get(entry.requestId) : undefined;
    if (entry.requestId) {
      const call = entry.requestId.split('.')[0]!;
      calls.set(call, (calls.get(call) ?? 0) + 1);
    }
    if (!marker) {
      (entry.requestId && unknown.has(entry.requestId) ? audit.unknown : audit.unclaimed).push(entry);
      continue;
    }
    claimed.add(entry.requestId!);
    if (marker.inputTokens !== entry.promptTokens || marker.outputTokens !== entry.completionTokens) audit.mismatched.push(entry.requestId!);
    add(audit.provider, `${marker.tenant}|${marker.jobType}`, 1, entry.promptTokens, entry.completionTokens);
  }
  for (const [batchId, batch] of batches) {
    const marker = markers.get(batchId);
    if (!marker) {
      audit.phantoms.push(`batch ${batchId} has no ledger marker`);
      continue;
    }
    claimed.add(batchId);
    if (marker.requests !== batch.lines || marker.inputTokens !== batch.inputTokens || marker.outputTokens !== batch.outputTokens)
      audit.mismatched.push(batchId);
    add(audit.provider, `${marker.tenant}|${marker.jobType}`, batch.lines, batch.inputTokens, batch.outputTokens);
  }
  for (const id of markers.keys()) if (!claimed.has(id)) audit.phantoms.push(id);
  audit.answeredTwice = [...calls.values()].filter((n) => n > 1).reduce((sum, n) => sum + n - 1, 0);
  const today = new Date().toISOString().slice(0, 10);
  for (const tenant of tenants) {
    const usage = await readUsage(redis, { keyPrefix: llmKeyPrefix(prefix), tenant, from: today, to: today });
    for (const row of usage.days) add(audit.ledger, `${tenant}|${row.jobType}`, row.requests, row.inputTokens, row.outputTokens);
  }
  return audit;
}

/** One line per tenant and job type: ledger vs provider. */
export function formatAudit(audit: Audit): string {
  const rows = [...new Set([...Object.keys(audit.ledger), ...Object.keys(audit.provider)])].sort();
  const cell = (t: Totals | undefined) => (t ? `${t.requests} req, ${t.inputTokens} in, ${t.outputTokens} out` : '-');
  return rows.map((row) => `${row.padEnd(28)} ledger ${cell(audit.ledger[row])} | provider ${cell(audit.provider[row])}`).join('\n');
}
