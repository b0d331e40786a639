import { isUtf8 } from 'node:buffer';
import type { Response } from 'express';
import { pseudonymize, restore } from '@llmops/pii';
import { HttpError, validationError } from '../../http/errors';
import { refusalError } from '../../limits/refusals';
import { requireModel } from '../../submission/references';
import { parseBatchFile, protectBatchFile, restoreBatchFile } from './batch-file';
import { batchFileLines } from './batch-output';
import type { BatchStore } from './batch-store';
import { jobStatus } from './batch-view';
import { invalidParam, notFoundError } from './errors';
import type { FileRecord, FileStore } from './file-store';
import type { Deps, FrontDoorHandler } from './front-door';
import { isFileId, newFileId, parseOutputFileId } from './ids';
import { FileListQuery } from './schemas';

/** OpenAI's File object. */
function fileObject(input: { id: string; bytes: number; createdAt: number; expiresAt: number | null; filename: string; purpose: string }) {
  return {
    id: input.id,
    object: 'file',
    bytes: input.bytes,
    created_at: input.createdAt,
    expires_at: input.expiresAt,
    filename: input.filename,
    purpose: input.purpose,
    status: 'processed',
    status_details: null,
  };
}

const uploadedObject = async (deps: Deps, record: FileRecord) =>
  fileObject({ ...record, filename: await restore(record.filename, { scope: record.id, vault: deps.services.vault }) });

/** The multipart form of an upload, parsed by the platform's own FormData. */
async function readForm(contentType: string, body: unknown): Promise<FormData> {
  if (!Buffer.isBuffer(body)) throw invalidParam('file', 'send the file as multipart/form-data with the fields file and purpose');
  return new Request('http://front-door.local/', { method: 'POST', headers: { 'content-type': contentType }, body }).formData().catch(() => {
    throw invalidParam('file', 'the multipart body could not be read');
  });
}

/**
 * POST /openai/v1/files: a JSONL batch input (purpose `batch`), checked line by line, stored in Redis
 * with every message pseudonymized (vault scope: the file id) and its name too, for the job retention.
 * Its bytes count against the tenant's storage limit (429 when they do not fit) until it is deleted
 * or expires.
 */
export function uploadFile(deps: Deps, files: FileStore): FrontDoorHandler {
  return async (req, res, tenant) => {
    const form = await readForm(req.header('content-type') ?? '', req.body);
    const purpose = form.get('purpose');
    const file = form.get('file');
    if (typeof purpose !== 'string' || purpose === '') throw invalidParam('purpose', 'required');
    if (purpose !== 'batch') throw invalidParam('purpose', "only 'batch' files are accepted here");
    if (!file || typeof file === 'string') throw invalidParam('file', 'required: the JSONL file');
    const bytes = Buffer.from(await file.arrayBuffer());
    if (!isUtf8(bytes)) throw invalidParam('file', 'not valid UTF-8');
    const lines = parseBatchFile(bytes.toString('utf8'));
    for (const model of new Set(lines.map((line) => line.request.model))) requireModel(deps.services, model, 'chat', 'body.file');

    const id = newFileId();
    const context = { scope: id, policy: deps.services.piiPolicyFor(tenant), vault: deps.services.vault };
    const content = await protectBatchFile(lines, context);
    const filename = (await pseudonymize((file.name || 'batch.jsonl').slice(0, 256), context)).text;
    const now = Math.floor(Date.now() / 1000);
    const record: FileRecord = {
      id,
      filename,
      purpose: 'batch',
      bytes: bytes.length,
      storedBytes: Buffer.byteLength(content) + Buffer.byteLength(filename),
      lines: lines.length,
      createdAt: now,
      expiresAt: now + deps.retentionSeconds,
    };
    const refused = await files.put(tenant, record, content);
    if (refused) {
      await deps.services.vault.forget(id);
      throw refusalError({ kind: 'storage', refusal: { limit: 'storage.maxWaitingBytes', ...refused } });
    }
    res.json(await uploadedObject(deps, record));
  };
}

/** GET /openai/v1/files: the caller's uploaded files (batch outputs are reached through their batch). */
export function listFiles(deps: Deps, files: FileStore): FrontDoorHandler {
  return async (req, res, tenant) => {
    const query = FileListQuery.safeParse(req.query);
    if (!query.success) throw validationError(query.error, 'query');
    const page = query.data.purpose && query.data.purpose !== 'batch' ? { records: [], hasMore: false } : await files.list(tenant, query.data);
    const data = await Promise.all(page.records.map((record) => uploadedObject(deps, record)));
    res.json({ object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: page.hasMore });
  };
}

/** A batch's output or error file, once its batch has ended. */
async function outputFile(deps: Deps, batches: BatchStore, tenant: string, fileId: string) {
  const parsed = parseOutputFileId(fileId);
  const record = parsed ? await batches.get(tenant, parsed.batchId) : undefined;
  if (!parsed || !record) return undefined;
  const statuses = await Promise.all(record.jobs.map((job) => jobStatus(deps, job)));
  const lines = () => batchFileLines(deps, batches, tenant, record, statuses, parsed.kind);
  return { record, kind: parsed.kind, lines };
}

/** GET /openai/v1/files/{file_id} */
export function retrieveFile(deps: Deps, files: FileStore, batches: BatchStore): FrontDoorHandler {
  return async (req, res, tenant) => {
    const fileId = String(req.params.file_id);
    if (isFileId(fileId)) {
      const record = await files.meta(tenant, fileId);
      if (!record) throw notFoundError('file', 'file_id');
      res.json(await uploadedObject(deps, record));
      return;
    }
    const output = await outputFile(deps, batches, tenant, fileId);
    if (!output) throw notFoundError('file', 'file_id');
    // Its size is that of its rendering: counted line by line, never held whole.
    let bytes = 0;
    for await (const line of output.lines()) bytes += Buffer.byteLength(line);
    res.json(
      fileObject({
        id: fileId,
        bytes,
        createdAt: output.record.createdAt,
        expiresAt: null,
        filename: `${output.record.id}_${output.kind}.jsonl`,
        purpose: 'batch_output',
      }),
    );
  };
}

/** GET /openai/v1/files/{file_id}/content: the owner's data restored; outputs are written as they are read. */
export function fileContent(deps: Deps, files: FileStore, batches: BatchStore): FrontDoorHandler {
  return async (req, res, tenant) => {
    const fileId = String(req.params.file_id);
    if (isFileId(fileId)) {
      const stored = await files.content(tenant, fileId);
      if (stored === undefined) throw notFoundError('file', 'file_id');
      res.type('application/octet-stream').send(await restoreBatchFile(stored, { scope: fileId, vault: deps.services.vault }));
      return;
    }
    const output = await outputFile(deps, batches, tenant, fileId);
    if (!output) throw notFoundError('file', 'file_id');
    await writeLines(res, output.lines());
  };
}

async function writeLines(res: Response, lines: AsyncIterable<string>): Promise<void> {
  res.status(200).type('application/octet-stream');
  for await (const line of lines) {
    if (res.destroyed) return;
    if (!res.write(line)) await drainedOrClosed(res);
  }
  res.end();
}

function drainedOrClosed(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });
}

/** DELETE /openai/v1/files/{file_id}: its bytes are given back to the storage limit and its pseudonyms forgotten. */
export function deleteFile(deps: Deps, files: FileStore): FrontDoorHandler {
  return async (req, res, tenant) => {
    const fileId = String(req.params.file_id);
    if (parseOutputFileId(fileId))
      throw new HttpError(400, 'invalid_request', 'file_id: a batch output file lasts as long as its batch and cannot be deleted', {
        issues: [{ path: 'file_id', message: 'not deletable' }],
      });
    if (!isFileId(fileId) || !(await files.delete(tenant, fileId))) throw notFoundError('file', 'file_id');
    await deps.services.vault.forget(fileId);
    res.json({ id: fileId, object: 'file', deleted: true });
  };
}
