import { pseudonymize } from '@llmops/pii';
import { cancelJob } from '@llmops/queue';
import { HttpError, validationError } from '../../http/errors';
import { requireModel } from '../../submission/references';
import { canonicalHash, readIdempotencyKey } from '../../submission/request';
import { idempotencyKeyReused } from '../../submission/respond';
import { readBatchFile, type ParsedLine } from './batch-file';
import { itemIdOf } from './batch-output';
import type { BatchRecord, BatchStore } from './batch-store';
import { batchObject, jobStatus } from './batch-view';
import { toInferenceItem, toParameters } from './chat-request';
import { notFoundError } from './errors';
import type { FileStore } from './file-store';
import type { Deps, FrontDoorHandler } from './front-door';
import { batchIdFor, isBatchId, isFileId } from './ids';
import { submitFrontDoorJobs, type FrontDoorJob } from './jobs';
import { BatchCreateRequest, BatchListQuery } from './schemas';

/** Distinct (model, parameters) groups one batch may have: each becomes one inference job. */
export const MAX_BATCH_GROUPS = 100;

/** The batch's jobs' states, then OpenAI's Batch object. */
async function view(deps: Deps, record: BatchRecord) {
  const statuses = await Promise.all(record.jobs.map((job) => jobStatus(deps, job)));
  return batchObject(deps, record, statuses);
}

/** The caller's batch, or a 404 that says the same for someone else's. */
async function ownedBatch(batches: BatchStore, tenant: string, batchId: string): Promise<BatchRecord> {
  const record = isBatchId(batchId) ? await batches.get(tenant, batchId) : undefined;
  if (!record) throw notFoundError('batch', 'batch_id');
  return record;
}

/** Lines sharing model and sampling parameters run as one inference job (a job has one of each). */
function groupLines(lines: readonly ParsedLine[]): FrontDoorJob[] {
  const groups = new Map<string, FrontDoorJob & { items: ReturnType<typeof toInferenceItem>[] }>();
  for (const line of lines) {
    const parameters = toParameters(line.request);
    const key = JSON.stringify([line.request.model, parameters]);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { model: line.request.model, parameters, mode: 'batch', items: [] }));
    group.items.push(toInferenceItem(itemIdOf(line.line), line.request));
  }
  return [...groups.values()];
}

/**
 * POST /openai/v1/batches: the uploaded file's lines become inference jobs in batch mode (the worker
 * answers from the cache where it can and sends the misses through the provider's Batch API, at its
 * discount), admitted against the tenant's limits and budget like any submission. Idempotency-Key
 * makes a repeat return the same batch.
 */
export function createBatch(deps: Deps, files: FileStore, batches: BatchStore): FrontDoorHandler {
  return async (req, res, tenant) => {
    const parsed = BatchCreateRequest.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const request = parsed.data;
    const idempotencyKey = readIdempotencyKey(req);
    const requestHash = await canonicalHash({ path: req.path, body: req.body });
    const batchId = batchIdFor(tenant, idempotencyKey);
    const existing = idempotencyKey ? await batches.get(tenant, batchId) : undefined;
    if (existing) {
      if (existing.requestHash !== requestHash) throw idempotencyKeyReused();
      res.setHeader('Idempotent-Replayed', 'true');
      res.json(await view(deps, existing));
      return;
    }
    const file = isFileId(request.input_file_id) ? await files.meta(tenant, request.input_file_id) : undefined;
    const stored = file ? await files.content(tenant, file.id) : undefined;
    if (!file || stored === undefined) throw notFoundError('file', 'body.input_file_id');
    const lines = await readBatchFile(stored, { scope: file.id, vault: deps.services.vault });
    const jobs = groupLines(lines);
    if (jobs.length > MAX_BATCH_GROUPS) {
      throw new HttpError(
        400,
        'invalid_request',
        `input_file_id: the file's lines ask for ${jobs.length} different (model, parameters) combinations; a batch may hold at most ${MAX_BATCH_GROUPS}`,
        { issues: [{ path: 'body.input_file_id', message: 'too many combinations' }] },
      );
    }
    for (const job of jobs) requireModel(deps.services, job.model, 'chat', 'body.input_file_id');
    const outcomes = await submitFrontDoorJobs(deps, {
      tenant,
      jobs,
      requestHash,
      ...(idempotencyKey ? { idempotencyKey: `openai:batch:${idempotencyKey}` } : {}),
    });
    const context = { scope: batchId, policy: deps.services.piiPolicyFor(tenant), vault: deps.services.vault };
    const metadata = request.metadata
      ? Object.fromEntries(await Promise.all(Object.entries(request.metadata).map(async ([key, value]) => [key, (await pseudonymize(value, context)).text])))
      : null;
    const record: BatchRecord = {
      id: batchId,
      inputFileId: file.id,
      endpoint: request.endpoint,
      completionWindow: request.completion_window,
      createdAt: Math.floor(Date.now() / 1000),
      metadata,
      models: [...new Set(jobs.map((job) => job.model))],
      jobs: jobs.map((job, index) => ({ jobId: outcomes[index]!.jobId, model: job.model, lines: job.items.map((item) => Number(item.id.slice(1))) })),
      total: lines.length,
      requestHash,
      cancellingAt: null,
    };
    await batches.put(
      tenant,
      record,
      lines.map((line) => line.customId),
    );
    res.json(await view(deps, record));
  };
}

/** GET /openai/v1/batches/{batch_id} */
export function retrieveBatch(deps: Deps, batches: BatchStore): FrontDoorHandler {
  return async (req, res, tenant) => {
    res.json(await view(deps, await ownedBatch(batches, tenant, String(req.params.batch_id))));
  };
}

/** POST /openai/v1/batches/{batch_id}/cancel: waiting jobs are removed, running ones told to stop; finished lines keep their output. */
export function cancelBatch(deps: Deps, batches: BatchStore): FrontDoorHandler {
  return async (req, res, tenant) => {
    const record = await batches.markCancelling(tenant, await ownedBatch(batches, tenant, String(req.params.batch_id)), Math.floor(Date.now() / 1000));
    const queue = deps.queues.get('inference');
    for (const { jobId } of record.jobs) {
      const job = await queue.getJob(jobId);
      if (job) await cancelJob(deps, job);
    }
    res.json(await view(deps, record));
  };
}

/** GET /openai/v1/batches?after=&limit= : newest first. */
export function listBatches(deps: Deps, batches: BatchStore): FrontDoorHandler {
  return async (req, res, tenant) => {
    const query = BatchListQuery.safeParse(req.query);
    if (!query.success) throw validationError(query.error, 'query');
    const page = await batches.list(tenant, query.data);
    const data = await Promise.all(page.records.map((record) => view(deps, record)));
    res.json({ object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: page.hasMore });
  };
}
