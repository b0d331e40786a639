import { spendKeys, type JobWaste, readJson } from '@llmops/contracts';
import { nanoToUsdString } from '@llmops/tokens';
import type { RedisClient } from '@llmops/redis';
import { z } from 'zod';

/**
 * The call journal: a write-ahead log of a job's provider calls, one Redis hash per job (so every
 * script touches one key, on one Cluster slot). Fields:
 * - `p:<attempt>`: an attempt was sent (`sent`), or answered and not yet counted (`answered`, with
 *   its usage), or declared lost by the job's summary (`lost`);
 * - `r:<call>`: the answer of a call, kept so a restarted attempt replays it instead of paying again;
 * - totals `t:*` (every answer billed to the job), `w:*` (answers billed twice for one call), `lost`.
 * Every script is idempotent: a command resent after a Redis blip changes nothing the second time.
 */

export const Usage = z.object({ inputTokens: z.number().int(), outputTokens: z.number().int(), cachedInputTokens: z.number().int() });

/** What the ledger needs to count an answered attempt (kept in the intent until it was counted). */
export const CountRecord = z.object({
  tenant: z.string(),
  model: z.string(),
  jobType: z.string(),
  provider: z.string(),
  requestId: z.string(),
  usage: Usage,
  /** Integer nano-USD, as a decimal string. */
  costNanoUsd: z.string(),
  at: z.number(),
});
export type CountRecord = z.infer<typeof CountRecord>;

const Intent = z.discriminatedUnion('state', [
  z.object({ state: z.literal('sent'), call: z.string(), model: z.string(), jobType: z.string(), at: z.number() }),
  z.object({ state: z.literal('lost'), call: z.string(), model: z.string(), jobType: z.string(), at: z.number() }),
  z.object({ state: z.literal('answered'), call: z.string(), repeated: z.boolean().optional(), record: CountRecord }),
]);
type Intent = z.infer<typeof Intent>;

/** An answer as kept for replay: the provider's body (chat) or the vectors (embeddings, float32 base64). */
export const StoredAnswer = z.object({
  kind: z.enum(['chat', 'embed']),
  attemptId: z.string(),
  provider: z.string(),
  usage: Usage,
  costNanoUsd: z.string(),
  body: z.unknown(),
});
export type StoredAnswer = z.infer<typeof StoredAnswer>;

/** An attempt sent and never answered to anyone who recorded it. */
export interface LostAttempt {
  attemptId: string;
  call: string;
  model: string;
  jobType: string;
  at: number;
}

export interface SpendHooks {
  count(attemptId: string, record: CountRecord): Promise<void>;
  unknown?(attempt: LostAttempt): Promise<void>;
  lost?(attempt: LostAttempt): void;
}

/** Where a call is journaled: its hash key, and who it is charged to. */
export interface JournalScope {
  key: string;
  tenant: string;
}

/** A job's provider calls as its journal counted them. */
export interface JobSpend {
  /** Every answer the provider gave this job, over all attempts (what the ledger counted for it). */
  billed: { requests: number; inputTokens: number; outputTokens: number; costNanoUsd: bigint };
  /** Answers billed a second time for the same call (two copies in flight at once): one was thrown away. */
  repeated: { requests: number; inputTokens: number; outputTokens: number; costNanoUsd: bigint };
  /** Calls in flight when their attempt died or gave up: the provider may have answered (and billed) them. */
  unknownOutcome: number;
}

// KEYS[1] journal. ARGV: answer field, attempt field, answered intent (JSON), answer (JSON or ''), ttl s.
// Keeps the answer for replay (unless one is kept already: then this answer repeats it) and turns the
// attempt's intent into "answered, to be counted". A resent copy finds it answered and does nothing.
const ANSWER_SCRIPT = `
local current = redis.call('HGET', KEYS[1], ARGV[2])
if current and cjson.decode(current).state == 'answered' then return 0 end
local intent = cjson.decode(ARGV[3])
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then
  intent.repeated = true
elseif ARGV[4] ~= '' then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[4])
end
redis.call('HSET', KEYS[1], ARGV[2], cjson.encode(intent))
redis.call('EXPIRE', KEYS[1], ARGV[5])
return 1
`;

// KEYS[1] journal. ARGV: attempt field. After the ledger counted it: adds the answer to the job's
// totals and forgets the intent (the HDEL makes a resent copy a no-op).
const FINISH_SCRIPT = `
local current = redis.call('HGET', KEYS[1], ARGV[1])
if not current then return 0 end
local intent = cjson.decode(current)
if intent.state ~= 'answered' then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
local u = intent.record.usage
local groups = {'t'}
if intent.repeated then groups[2] = 'w' end
for _, g in ipairs(groups) do
  redis.call('HINCRBY', KEYS[1], g .. ':req', 1)
  redis.call('HINCRBY', KEYS[1], g .. ':in', u.inputTokens)
  redis.call('HINCRBY', KEYS[1], g .. ':out', u.outputTokens)
  redis.call('HINCRBY', KEYS[1], g .. ':nano', intent.record.costNanoUsd)
end
return 1
`;

// KEYS[1] journal. ARGV: attempt field. A sent attempt nobody will answer any more becomes lost (once).
const LOSE_SCRIPT = `
local current = redis.call('HGET', KEYS[1], ARGV[1])
if not current then return 0 end
local intent = cjson.decode(current)
if intent.state ~= 'sent' then return 0 end
intent.state = 'lost'
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(intent))
redis.call('HINCRBY', KEYS[1], 'lost', 1)
return 1
`;

// KEYS[1] journal. ARGV: attempt field. The provider refused the attempt (an error status): nothing was billed.
const REFUSED_SCRIPT = `
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current and cjson.decode(current).state == 'sent' then redis.call('HDEL', KEYS[1], ARGV[1]) end
return 1
`;

type JournalRedis = RedisClient & {
  llmJournalAnswer(key: string, ...args: (string | number)[]): Promise<number>;
  llmJournalFinish(key: string, field: string): Promise<number>;
  llmJournalLose(key: string, field: string): Promise<number>;
  llmJournalRefused(key: string, field: string): Promise<number>;
};

const answerField = (call: string) => `r:${call}`;
const attemptField = (attemptId: string) => `p:${attemptId}`;

export interface CallJournal {
  /** The journal of a job (or, for keyed calls outside a job, of the tenant). */
  scopeOf(tenant: string, jobId: string | undefined): JournalScope;
  /** The kept answer of a call, and whether it still waits to be counted (a crash between answer and count). */
  lookup(scope: JournalScope, call: string): Promise<{ answer: StoredAnswer; uncounted: CountRecord | undefined } | undefined>;
  /** Write-ahead, before an attempt is sent. */
  sent(scope: JournalScope, attemptId: string, intent: { call: string; model: string; jobType: string; at: number }): Promise<void>;
  /** The provider answered the attempt with an error status: nothing was billed. */
  refused(scope: JournalScope, attemptId: string): Promise<void>;
  /** Keeps the answer (unless `answer` is undefined) and marks the attempt answered, to be counted. */
  answered(scope: JournalScope, attemptId: string, call: string, record: CountRecord, answer: StoredAnswer | undefined): Promise<void>;
  /** The ledger counted the attempt: add it to the job's totals. */
  finished(scope: JournalScope, attemptId: string): Promise<void>;
  /**
   * The job's totals. First counts answers a crash left uncounted (`hooks.count`, the ledger) and
   * declares every still-sent attempt lost (`hooks.unknown` first, e.g. to mark it in the ledger;
   * `hooks.lost` once it is declared): call it when none of the job's calls is in flight.
   */
  spend(scope: JournalScope, hooks: SpendHooks): Promise<JobSpend>;
  /** Drops kept answers the caller has stored elsewhere (their replay is no longer needed). */
  release(scope: JournalScope, calls: readonly string[]): Promise<void>;
}

export function createCallJournal(redis: RedisClient, options: { keyPrefix: string; ttlMs: number }): CallJournal {
  const keys = spendKeys(options.keyPrefix);
  const ttl = Math.max(1, Math.ceil(options.ttlMs / 1000));
  const r = redis as JournalRedis;
  if (typeof r.llmJournalAnswer !== 'function') {
    redis.defineCommand('llmJournalAnswer', { numberOfKeys: 1, lua: ANSWER_SCRIPT });
    redis.defineCommand('llmJournalFinish', { numberOfKeys: 1, lua: FINISH_SCRIPT });
    redis.defineCommand('llmJournalLose', { numberOfKeys: 1, lua: LOSE_SCRIPT });
    redis.defineCommand('llmJournalRefused', { numberOfKeys: 1, lua: REFUSED_SCRIPT });
  }
  return {
    scopeOf: (tenant, jobId) => ({ key: keys.callJournal(jobId ?? `tenant:${tenant}`), tenant }),
    async lookup(scope, call) {
      const raw = await redis.hget(scope.key, answerField(call));
      if (raw === null) return undefined;
      const answer = readJson(StoredAnswer, raw);
      const pending = await redis.hget(scope.key, attemptField(answer.attemptId));
      const intent = pending === null ? undefined : readJson(Intent, pending);
      return { answer, uncounted: intent?.state === 'answered' ? intent.record : undefined };
    },
    async sent(scope, attemptId, sent) {
      const intent: Intent = { state: 'sent', ...sent };
      await redis.multi().hset(scope.key, attemptField(attemptId), JSON.stringify(intent)).expire(scope.key, ttl).exec();
    },
    async refused(scope, attemptId) {
      await r.llmJournalRefused(scope.key, attemptField(attemptId));
    },
    async answered(scope, attemptId, call, record, answer) {
      const intent: Intent = { state: 'answered', call, record };
      await r.llmJournalAnswer(scope.key, answerField(call), attemptField(attemptId), JSON.stringify(intent), answer ? JSON.stringify(answer) : '', ttl);
    },
    async finished(scope, attemptId) {
      await r.llmJournalFinish(scope.key, attemptField(attemptId));
    },
    async spend(scope, hooks) {
      let cursor = '0';
      do {
        const [next, flat] = await redis.hscan(scope.key, cursor, 'MATCH', 'p:*', 'COUNT', 500);
        cursor = next;
        for (let i = 0; i + 1 < flat.length; i += 2) {
          const field = flat[i]!;
          const intent = readJson(Intent, flat[i + 1]!);
          if (intent.state === 'answered') {
            await hooks.count(field.slice(2), intent.record);
            await r.llmJournalFinish(scope.key, field);
          } else if (intent.state === 'sent') {
            const lost = { attemptId: field.slice(2), call: intent.call, model: intent.model, jobType: intent.jobType, at: intent.at };
            await hooks.unknown?.(lost);
            if ((await r.llmJournalLose(scope.key, field)) === 1) hooks.lost?.(lost);
          }
        }
      } while (cursor !== '0');
      const fields = ['t:req', 't:in', 't:out', 't:nano', 'w:req', 'w:in', 'w:out', 'w:nano', 'lost'];
      const v = (await redis.hmget(scope.key, ...fields)).map((x) => x ?? '0');
      const totals = (i: number) => ({ requests: Number(v[i]), inputTokens: Number(v[i + 1]), outputTokens: Number(v[i + 2]), costNanoUsd: BigInt(v[i + 3]!) });
      return { billed: totals(0), repeated: totals(4), unknownOutcome: Number(v[8]) };
    },
    async release(scope, calls) {
      if (calls.length > 0) await redis.hdel(scope.key, ...calls.map(answerField));
    },
  };
}

/** Vectors as little-endian float32 in base64: a quarter of their JSON size. */
export function packVectors(vectors: readonly number[][]): { dims: number; data: string } {
  const dims = vectors[0]?.length ?? 0;
  const flat = new Float32Array(vectors.length * dims);
  vectors.forEach((vector, i) => flat.set(vector, i * dims));
  return { dims, data: Buffer.from(flat.buffer).toString('base64') };
}

export const PackedVectors = z.object({ dims: z.number().int().min(0), data: z.string() });

export function unpackVectors(packed: z.infer<typeof PackedVectors>): number[][] {
  // A fresh copy: a decoded Buffer may sit at an offset a Float32Array cannot start at.
  const bytes = new Uint8Array(Buffer.from(packed.data, 'base64'));
  const flat = new Float32Array(bytes.buffer, 0, Math.floor(bytes.byteLength / 4));
  const out: number[][] = [];
  for (let i = 0; packed.dims > 0 && i < flat.length; i += packed.dims) out.push(Array.from(flat.subarray(i, i + packed.dims)));
  return out;
}

/** A job's waste as its result reports it (@llmops/contracts' JobWaste): repeated answers and unknown outcomes. */
export function wasteOf(spend: JobSpend): JobWaste {
  const { repeated } = spend;
  return {
    requests: repeated.requests,
    inputTokens: repeated.inputTokens,
    outputTokens: repeated.outputTokens,
    costUsd: nanoToUsdString(repeated.costNanoUsd),
    unknownOutcome: spend.unknownOutcome,
  };
}
