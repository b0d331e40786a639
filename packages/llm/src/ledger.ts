import { spendFields, spendKeys, spendRetentionSeconds, utcMonthOf } from '@llmops/contracts';
import { nanoToUsdString } from '@llmops/tokens';
import type { RedisClient } from '@llmops/redis';

export interface LedgerOptions {
  /**
   * Prefix of every ledger key, and of the spend counters budgets read (`spendKeys` in
   * @llmops/contracts; @llmops/limits must be given the same prefix). Default: `"llmops"`.
   */
  keyPrefix?: string;
  /** How long an idempotency key is remembered; a replay after that counts again. Default: 7 days. */
  idempotencyTtlMs?: number;
  /** How long a day's totals are kept. Default: 400 days. */
  retentionDays?: number;
  /** Told about every call that was counted (never about a replay), e.g. to feed Prometheus counters. */
  onUsage?: (event: UsageEvent) => void;
}

export interface UsageRecord {
  tenant: string;
  model: string;
  jobType: string;
  /** Provider the call went to (reported to onUsage; the ledger itself is by model). */
  provider?: string;
  /**
   * Same key = same provider answer: counted once, however often the record is replayed. The client
   * passes the answered attempt's id (a batch: its batch id), so every answer the provider billed is
   * counted, a call answered twice included.
   */
  idempotencyKey: string;
  /** The `X-Client-Request-Id` the answer was requested under, kept with the marker for audits. */
  requestId?: string;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  /** Cost in integer nano-USD (1e-9 USD). */
  costNanoUsd: bigint;
  /** When the call happened; decides the UTC day. */
  at: Date;
}

export interface UsageEvent extends UsageRecord {
  date: string;
}

export interface UsageRow {
  date: string;
  model: string;
  jobType: string;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  /** Exact decimal string, e.g. `"0.000123450"`. */
  costUsd: string;
  costNanoUsd: string;
}

export interface UsageReport {
  days: UsageRow[];
  totals: Omit<UsageRow, 'date' | 'model' | 'jobType'>;
}

const SEP = '|';
const METRICS = { requests: 'req', inputTokens: 'in', outputTokens: 'out', costNanoUsd: 'nano' } as const;

/**
 * SET NX the idempotency key (its value says what was counted: job type, model, request id, tokens,
 * nano-USD, so an audit can match the provider's log call for call) and, only if it was new, add to the day's usage and to the tenant's day
 * and month spend counters (total and per model): one atomic step, so a replayed call is never
 * counted twice, in the ledger or against a budget. Every key carries the tenant's hash tag.
 * KEYS: idempotency, usage day, spend day, spend month.
 */
const RECORD_SCRIPT = `
if not redis.call('SET', KEYS[1], ARGV[15], 'NX', 'PX', ARGV[1]) then return 0 end
local f = ARGV[2]
redis.call('HINCRBY', KEYS[2], f .. 'req', ARGV[3])
redis.call('HINCRBY', KEYS[2], f .. 'in', ARGV[4])
redis.call('HINCRBY', KEYS[2], f .. 'out', ARGV[5])
redis.call('HINCRBY', KEYS[2], f .. 'nano', ARGV[6])
redis.call('EXPIRE', KEYS[2], ARGV[7])
for i = 3, 4 do
  redis.call('HINCRBY', KEYS[i], ARGV[9], ARGV[6])
  redis.call('HINCRBY', KEYS[i], ARGV[10], ARGV[6])
  redis.call('HINCRBY', KEYS[i], ARGV[11], ARGV[8])
  redis.call('HINCRBY', KEYS[i], ARGV[12], ARGV[8])
end
redis.call('EXPIRE', KEYS[3], ARGV[13])
redis.call('EXPIRE', KEYS[4], ARGV[14])
return 1
`;

/**
 * What the idempotency marker of an answer holds. `outcome: 'unknown'` marks an attempt its job
 * declared lost (sent, never answered to anyone who recorded it): on record, counted nowhere.
 */
export interface UsageMarker {
  outcome?: 'counted' | 'unknown';
  jobType: string;
  model: string;
  requestId: string | null;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  costNanoUsd: string;
}

function markerOf(usage: UsageRecord): UsageMarker {
  return {
    outcome: 'counted',
    jobType: usage.jobType,
    model: usage.model,
    requestId: usage.requestId ?? null,
    requests: usage.requests,
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    costNanoUsd: usage.costNanoUsd.toString(),
  };
}

export interface UsageLedger {
  /** Adds a call's usage once per idempotency key; resolves false for a replay. */
  record(usage: UsageRecord): Promise<boolean>;
  /**
   * Records (without counting) an attempt of unknown outcome, under its own marker (`unknown:<attempt>`),
   * so an audit against the provider's log can tell what it billed that nobody received.
   */
  markUnknown(attempt: { tenant: string; model: string; jobType: string; attemptId: string; requestId: string; at: Date }): Promise<void>;
}

type RedisWithLedger = RedisClient & { llmLedgerRecordSpend(k1: string, k2: string, k3: string, k4: string, ...args: (string | number)[]): Promise<number> };

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function dayKey(prefix: string, tenant: string, date: string): string {
  return spendKeys(prefix).usageDay(tenant, date);
}

export function createUsageLedger(redis: RedisClient, options: LedgerOptions = {}): UsageLedger {
  const prefix = options.keyPrefix ?? 'llmops';
  const ttlMs = options.idempotencyTtlMs ?? 7 * 24 * 3_600_000;
  const retentionSeconds = (options.retentionDays ?? 400) * 86_400;
  const keys = spendKeys(prefix);
  const r = redis as RedisWithLedger;
  if (typeof r.llmLedgerRecordSpend !== 'function') redis.defineCommand('llmLedgerRecordSpend', { numberOfKeys: 4, lua: RECORD_SCRIPT });
  return {
    async record(usage) {
      if (usage.model.includes(SEP) || usage.jobType.includes(SEP)) throw new Error(`model and jobType may not contain "${SEP}"`);
      const date = utcDay(usage.at);
      const added = await r.llmLedgerRecordSpend(
        keys.idempotency(usage.tenant, usage.idempotencyKey),
        keys.usageDay(usage.tenant, date),
        keys.spendDay(usage.tenant, date),
        keys.spendMonth(usage.tenant, utcMonthOf(usage.at)),
        ttlMs,
        `${usage.model}${SEP}${usage.jobType}${SEP}`,
        usage.requests,
        usage.inputTokens,
        usage.outputTokens,
        usage.costNanoUsd.toString(),
        retentionSeconds,
        usage.inputTokens + usage.outputTokens,
        spendFields.nano,
        spendFields.modelNano(usage.model),
        spendFields.tokens,
        spendFields.modelTokens(usage.model),
        spendRetentionSeconds.day,
        spendRetentionSeconds.month,
        JSON.stringify(markerOf(usage)),
      );
      if (added === 1) options.onUsage?.({ ...usage, date });
      return added === 1;
    },
    async markUnknown(attempt) {
      const marker: UsageMarker = {
        outcome: 'unknown',
        jobType: attempt.jobType,
        model: attempt.model,
        requestId: attempt.requestId,
        requests: 0,
        inputTokens: 0,
        outputTokens: 0,
        costNanoUsd: '0',
      };
      await redis.set(keys.idempotency(attempt.tenant, `unknown:${attempt.attemptId}`), JSON.stringify(marker), 'PX', ttlMs, 'NX');
    },
  };
}

export interface ReadUsageOptions {
  tenant: string;
  /** First UTC day, inclusive (`YYYY-MM-DD` or a Date). */
  from: string | Date;
  /** Last UTC day, inclusive. */
  to: string | Date;
  /** Must match the ledger's. Default: `"llmops"`. */
  keyPrefix?: string;
}

/** A tenant's usage per day, model and job type, with totals; for `GET /v1/usage`. At most 366 days. */
export async function readUsage(redis: RedisClient, options: ReadUsageOptions): Promise<UsageReport> {
  const prefix = options.keyPrefix ?? 'llmops';
  const from = new Date(`${typeof options.from === 'string' ? options.from : utcDay(options.from)}T00:00:00Z`);
  const to = new Date(`${typeof options.to === 'string' ? options.to : utcDay(options.to)}T00:00:00Z`);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw new RangeError('from/to must be YYYY-MM-DD dates');
  const dates: string[] = [];
  for (let d = from.getTime(); d <= to.getTime(); d += 86_400_000) dates.push(utcDay(new Date(d)));
  if (dates.length > 366) throw new RangeError('at most 366 days per read');

  const pipeline = redis.pipeline();
  for (const date of dates) pipeline.hgetall(dayKey(prefix, options.tenant, date));
  const replies = (await pipeline.exec()) ?? [];
  const days: UsageRow[] = [];
  const total = { requests: 0, inputTokens: 0, outputTokens: 0, nano: 0n };
  replies.forEach(([error, hash], i) => {
    if (error) throw error;
    const rows = new Map<string, { model: string; jobType: string; req: number; in: number; out: number; nano: bigint }>();
    for (const [field, value] of Object.entries(hash as Record<string, string>)) {
      const parts = field.split(SEP);
      const metric = parts.pop() ?? '';
      const jobType = parts.pop() ?? '';
      const model = parts.join(SEP);
      const id = `${model}${SEP}${jobType}`;
      const row = rows.get(id) ?? { model, jobType, req: 0, in: 0, out: 0, nano: 0n };
      if (metric === METRICS.costNanoUsd) row.nano += BigInt(value);
      else if (metric === 'req' || metric === 'in' || metric === 'out') row[metric] += Number(value);
      rows.set(id, row);
    }
    for (const row of [...rows.values()].sort((a, b) => (a.model + a.jobType).localeCompare(b.model + b.jobType))) {
      days.push({
        date: dates[i] ?? '',
        model: row.model,
        jobType: row.jobType,
        requests: row.req,
        inputTokens: row.in,
        outputTokens: row.out,
        costUsd: nanoToUsdString(row.nano),
        costNanoUsd: row.nano.toString(),
      });
      total.requests += row.req;
      total.inputTokens += row.in;
      total.outputTokens += row.out;
      total.nano += row.nano;
    }
  });
  return {
    days,
    totals: {
      requests: total.requests,
      inputTokens: total.inputTokens,
      outputTokens: total.outputTokens,
      costUsd: nanoToUsdString(total.nano),
      costNanoUsd: total.nano.toString(),
    },
  };
}

export { nanoToUsdString };
