import { toFile } from 'openai';
import type OpenAI from 'openai';
import { z } from 'zod';
import { readJson } from '@llmops/contracts';
import { recordAndSettle, reserveSpend, settleSpend, type CallContext, type CoreDeps, type SpendEstimate } from './call';
import { FatalError } from './errors';
import { nanoToUsdString } from './ledger';
import type { Pricing } from './pricing';
import type { Router } from './providers';
import { callWithRetries } from './retry';
import { NOTHING_SPENT, type SpendHold } from './spend';

export type BatchEndpoint = '/v1/chat/completions' | '/v1/embeddings';

export interface BatchItem {
  /** Unique within the batch; results are mapped back by it. */
  customId: string;
  /** The request body as it would be sent to `endpoint` (must name the model). */
  body: { model: string } & Record<string, unknown>;
}

export interface RunBatchOptions extends CallContext {
  /** Default: `/v1/chat/completions`. */
  endpoint?: BatchEndpoint;
  /** Time between status checks. Default: 30,000 ms. */
  pollIntervalMs?: number;
  /** Stop polling after this long and return what is known (the batch keeps running). Default: 25 h. */
  maxWaitMs?: number;
  /** Passed to the provider. Default: `"24h"`. */
  completionWindow?: '24h';
  /**
   * Called once the batch exists, so a restarted job can resume it with `resumeBatchId` (and, in step
   * mode, `resumeHold`: the spend hold held for the batch while it runs).
   */
  onSubmitted?: (batchId: string, hold: SpendHold | undefined) => void | Promise<void>;
  /** Poll this existing batch instead of uploading `items` again. */
  resumeBatchId?: string;
  /**
   * Step mode, for a job that must not wait inside itself: submit (or resume) and check the batch
   * once. While the batch runs the result says `pending` and its spend hold stays held (it lives
   * for the provider's window plus an hour); the job saves it with the batch id, moves itself to
   * delayed and passes both back (`resumeBatchId`, `resumeHold`) when it checks again. Default false.
   */
  step?: boolean;
  /** The hold a step-mode run kept for `resumeBatchId` (no new hold is taken for it). */
  resumeHold?: SpendHold;
}

export interface BatchSuccess {
  customId: string;
  /** The response body, as the endpoint would have answered. */
  body: unknown;
}

export interface BatchFailure {
  customId: string;
  statusCode: number | null;
  code: string | null;
  message: string;
}

export interface BatchResult {
  batchId: string;
  status: OpenAI.Batches.Batch['status'];
  /** Step mode: the batch is still running (nothing is read or billed yet; its hold is kept). */
  pending: boolean;
  /** In item order. */
  succeeded: BatchSuccess[];
  /** Lines the provider answered with an error: resubmitting them unchanged will likely fail again. */
  failed: BatchFailure[];
  /** Items with no answer (batch expired, cancelled or still running): resubmit these. */
  notDone: string[];
  usage: { inputTokens: number; outputTokens: number; requests: number };
  costUsd: string;
  costNanoUsd: bigint;
}

export interface BatchDeps extends CoreDeps {
  router: Router;
  pricing: Pricing;
  /** Most output tokens the model can return (the worst case of a line with no max_tokens). */
  maxOutputTokens: (model: string) => number;
}

const FINAL = new Set(['completed', 'failed', 'expired', 'cancelled']);

/** Upload JSONL, create the batch, poll it, read output and error files, and map every line back. */
export async function runBatch(deps: BatchDeps, items: readonly BatchItem[], ctx: RunBatchOptions): Promise<BatchResult> {
  const endpoint = ctx.endpoint ?? '/v1/chat/completions';
  const model = checkItems(items);
  const route = deps.router.route(model);
  const client = route.client;
  const retry = <T>(fn: () => Promise<T>) => callWithRetries(fn, { ...deps.retry, ...ctx.retry }, deps);
  const signal = ctx.signal ? { signal: ctx.signal } : {};
  // Step mode checks once; the hold then lives for the provider's window (24 h).
  const maxWaitMs = ctx.step ? 0 : (ctx.maxWaitMs ?? 25 * 3_600_000);
  const holdMs = ctx.step ? BATCH_WINDOW_MS : maxWaitMs;
  // The whole batch's worst case is held before anything is uploaded, for as long as it may run; a
  // resumed batch holds it again (the dead run's hold lapses at its own expiry), unless a step-mode
  // run kept its hold and hands it back.
  const hold = ctx.resumeHold ?? (deps.spend ? await reserveSpend(deps, ctx, batchEstimate(deps, items, model, endpoint, holdMs)) : undefined);
  let submitted = ctx.resumeBatchId !== undefined;
  try {
    const noted: RunBatchOptions = {
      ...ctx,
      onSubmitted: async (id) => {
        submitted = true;
        await ctx.onSubmitted?.(id, hold);
      },
    };
    return await submitAndCollect(deps, items, noted, { model, route, endpoint, client, retry, signal, maxWaitMs, hold });
  } catch (error) {
    // A step job that failed while its batch runs keeps the hold for its retry (which resumes the batch).
    if (!ctx.step || !submitted) await settleSpend(deps, ctx, hold, NOTHING_SPENT);
    throw error;
  }
}

/** The Batch API's completion window ("24h"): a batch not done by then expires. */
export const BATCH_WINDOW_MS = 24 * 3_600_000;

interface BatchRun {
  model: string;
  route: ReturnType<Router['route']>;
  endpoint: BatchEndpoint;
  client: OpenAI;
  retry: <T>(fn: () => Promise<T>) => Promise<T>;
  signal: { signal?: AbortSignal };
  maxWaitMs: number;
  hold: Awaited<ReturnType<typeof reserveSpend>>;
}

async function submitAndCollect(deps: BatchDeps, items: readonly BatchItem[], ctx: RunBatchOptions, run: BatchRun): Promise<BatchResult> {
  const { model, route, endpoint, client, retry, signal, hold } = run;
  let batchId = ctx.resumeBatchId;
  if (!batchId) {
    const jsonl = items.map((item) => JSON.stringify({ custom_id: item.customId, method: 'POST', url: endpoint, body: item.body })).join('\n') + '\n';
    const file = await retry(async () => client.files.create({ file: await toFile(Buffer.from(jsonl), 'batch.jsonl'), purpose: 'batch' }, signal));
    const created = await retry(() => client.batches.create({ input_file_id: file.id, endpoint, completion_window: ctx.completionWindow ?? '24h' }, signal));
    batchId = created.id;
    await ctx.onSubmitted?.(batchId, hold);
  }

  const started = deps.now();
  const pollMs = ctx.pollIntervalMs ?? 30_000;
  let batch = await retry(() => client.batches.retrieve(batchId, signal));
  while (!FINAL.has(batch.status) && deps.now() - started < run.maxWaitMs) {
    await deps.sleep(pollMs);
    ctx.signal?.throwIfAborted();
    batch = await retry(() => client.batches.retrieve(batchId, signal));
  }
  if (ctx.step && !FINAL.has(batch.status)) {
    // Still running: nothing to read or bill yet; the hold stays for the next check.
    return {
      batchId,
      status: batch.status,
      pending: true,
      succeeded: [],
      failed: [],
      notDone: items.map((item) => item.customId),
      usage: { inputTokens: 0, outputTokens: 0, requests: 0 },
      costUsd: '0.000000000',
      costNanoUsd: 0n,
    };
  }
  if (batch.status === 'failed') {
    const reasons = batch.errors?.data?.map((e) => `${e.line ?? '-'}: ${e.message}`).join('; ') ?? 'no reason given';
    throw new FatalError(`batch ${batchId} failed validation: ${reasons}`);
  }

  const lines = [
    ...(batch.output_file_id ? await readJsonl(client, batch.output_file_id, retry) : []),
    ...(batch.error_file_id ? await readJsonl(client, batch.error_file_id, retry) : []),
  ];
  const byId = new Map(lines.map((line) => [line.custom_id, line]));
  const result: BatchResult = {
    batchId,
    status: batch.status,
    pending: false,
    succeeded: [],
    failed: [],
    notDone: [],
    usage: { inputTokens: 0, outputTokens: 0, requests: 0 },
    costUsd: '0.000000000',
    costNanoUsd: 0n,
  };
  for (const item of items) {
    const line = byId.get(item.customId);
    if (!line || line.error?.code === 'batch_expired' || line.error?.code === 'batch_cancelled') {
      result.notDone.push(item.customId);
    } else if (line.response && line.response.status_code === 200) {
      result.succeeded.push({ customId: item.customId, body: line.response.body });
      const usage = LineBody.safeParse(line.response.body).data?.usage;
      result.usage.inputTokens += usage?.prompt_tokens ?? 0;
      result.usage.outputTokens += usage?.completion_tokens ?? 0;
      result.usage.requests += 1;
    } else {
      const body = LineBody.safeParse(line.response?.body).data;
      result.failed.push({
        customId: item.customId,
        statusCode: line.response?.status_code ?? null,
        code: line.error?.code ?? body?.error?.code ?? null,
        message: line.error?.message ?? body?.error?.message ?? 'unknown error',
      });
    }
  }
  const cost = deps.pricing.cost(model, { ...result.usage, batch: true });
  result.costNanoUsd = cost.nanoUsd;
  result.costUsd = nanoToUsdString(cost.nanoUsd);
  if (result.usage.requests > 0 && FINAL.has(batch.status)) {
    // The provider bills a batch once, by its id: keyed by it, a resumed batch counts nothing twice.
    // The hold is settled with the answered lines' usage; failed and unfinished lines cost nothing.
    await recordAndSettle(deps, ctx, hold, {
      tenant: ctx.tenant,
      model,
      jobType: ctx.jobType,
      provider: route.provider.name,
      idempotencyKey: `batch:${route.provider.name}:${batchId}`,
      requestId: batchId,
      requests: result.usage.requests,
      inputTokens: result.usage.inputTokens,
      outputTokens: result.usage.outputTokens,
      costNanoUsd: cost.nanoUsd,
      at: new Date(deps.now()),
    });
  } else {
    // Nothing counted yet (no answered line, or still running: a resumed run holds and counts it).
    await settleSpend(deps, ctx, hold, NOTHING_SPENT);
  }
  return result;
}

/** Worst case of every line at Batch API prices: prompt (or input) tokens plus max output. */
function batchEstimate(deps: BatchDeps, items: readonly BatchItem[], model: string, endpoint: BatchEndpoint, maxWaitMs: number): SpendEstimate {
  let inputTokens = 0;
  let outputTokens = 0;
  for (const { body } of items) {
    if (endpoint === '/v1/embeddings') {
      const input = body.input;
      const texts = typeof input === 'string' ? [input] : Array.isArray(input) ? input.filter((x): x is string => typeof x === 'string') : [];
      inputTokens += texts.reduce((sum, text) => sum + deps.pricing.countText(text, model), 0);
      continue;
    }
    inputTokens += deps.pricing.countChat(body.messages, model) + (body.tools ? deps.pricing.countText(JSON.stringify(body.tools), model) : 0);
    const max =
      typeof body.max_completion_tokens === 'number'
        ? body.max_completion_tokens
        : typeof body.max_tokens === 'number'
          ? body.max_tokens
          : deps.maxOutputTokens(model);
    outputTokens += max * Math.max(1, typeof body.n === 'number' ? body.n : 1);
  }
  const cost = deps.pricing.cost(model, { inputTokens, outputTokens, batch: true });
  // Held for the longest the batch may be polled, plus an hour for reading its files.
  return { model, nanoUsd: cost.nanoUsd, tokens: inputTokens + outputTokens, ttlMs: maxWaitMs + 3_600_000 };
}

/** A line of a batch's output or error file, as the provider documents it. */
const OutputLine = z.object({
  custom_id: z.string(),
  response: z.object({ status_code: z.number(), body: z.unknown() }).nullish(),
  error: z.object({ code: z.string().nullish(), message: z.string().nullish() }).nullish(),
});
type OutputLine = z.infer<typeof OutputLine>;

/** What is read from a line's body: the usage of an answer, the error of a refused line. */
const LineBody = z.object({
  usage: z.object({ prompt_tokens: z.number().optional(), completion_tokens: z.number().optional() }).optional(),
  error: z.object({ code: z.string().nullish(), message: z.string().nullish() }).optional(),
});

async function readJsonl(client: OpenAI, fileId: string, retry: <T>(fn: () => Promise<T>) => Promise<T>): Promise<OutputLine[]> {
  const text = await retry(async () => (await client.files.content(fileId)).text());
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => readJson(OutputLine, line));
}

function checkItems(items: readonly BatchItem[]): string {
  if (items.length === 0) throw new FatalError('a batch needs at least one item');
  const seen = new Set<string>();
  const models = new Set<string>();
  for (const item of items) {
    if (seen.has(item.customId)) throw new FatalError(`duplicate customId "${item.customId}"`);
    seen.add(item.customId);
    models.add(item.body.model);
  }
  if (models.size > 1) throw new FatalError(`a batch must use one model; got ${[...models].join(', ')}`);
  return [...models][0] ?? '';
}
