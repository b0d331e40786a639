import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { INGEST_PART_DOCUMENTS, ingestJobs } from '@llmops/contracts';
import { announceChanges, piiScope, protectDocuments, storedCollectionName } from '@llmops/ingest';
import { estimateIngest } from '@llmops/limits';
import { submitFlow, submitJob, type Admit } from '@llmops/queue';
import { admitting, requestBytes } from '../../limits/admit';
import type { PlatformServices } from '@llmops/services';
import type { ApiDeps } from '../../deps';
import { HttpError, notFound, validationError } from '../../http/errors';
import { canonicalHash, readIdempotencyKey } from '../../submission/request';
import { acceptOne, settle } from '../../submission/respond';
import { fieldsOf } from '../../privacy/field-inventory';
import { refusePersonalIdentifiers } from '../../privacy/identifiers';
import { collectionForIngest, requireCollection } from './collection-info';
import { mapErrors } from './errors';
import { NDJSON, parseNdjson, readNdjson } from './ndjson';
import { CollectionParam, DocumentBody, IngestBody, IngestQuery } from './schemas';

type Deps = ApiDeps & { services: PlatformServices };

/**
 * POST /v1/collections/{name}/documents: JSON `{documents, model?}` or NDJSON (one document per
 * line, `?model=`). Creates the collection on first use, pseudonymizes every document BEFORE it is
 * enqueued (so no original PII is stored in Redis), and answers 202 with the job.
 */
export function ingestDocuments(deps: Deps): RequestHandler {
  return async (req, res) => {
    const tenant = req.tenant!;
    const name = collectionName(req.params.name);
    const { documents, model, maxCostUsd, rawForHash } = await readDocuments(req, res, deps.bodyLimitBytes);
    const idempotencyKey = readIdempotencyKey(req);

    const info = await mapErrors(() => collectionForIngest(deps.services, tenant, name, model));
    const estimate = await estimateIngest({ model: String(info.meta.model), documents }, deps.services.registry);
    // Only the upload (the parent of a fan-out) counts against the tenant's jobs at once.
    const admit = await admitting(deps.services.limits, { tenant, queue: 'ingest', jobs: [{ bytes: requestBytes(req, documents), estimate }], maxCostUsd });
    const context = { scope: piiScope(tenant, name), policy: deps.services.piiPolicyFor(tenant), vault: deps.services.vault };
    const safe = await protectDocuments(documents, context);
    const submission = { tenant, requestHash: await canonicalHash({ path: req.path, body: rawForHash }), idempotencyKey, admit };
    const outcome = await settle(submitUpload(deps, submission, name, String(info.meta.model), safe));
    acceptOne(res, outcome, 'ingest', { collection: name, model: info.meta.model, documents: documents.length });
  };
}

/**
 * One job for an upload of up to INGEST_PART_DOCUMENTS documents; past that, a BullMQ flow: a parent
 * `ingest` job (its id is the upload's, progress and item results land on it) over `ingest-part`
 * children of INGEST_PART_DOCUMENTS documents each, which workers run in parallel.
 */
async function submitUpload(
  deps: Deps,
  submission: { tenant: string; requestHash: string; idempotencyKey: string | undefined; admit: Admit | undefined },
  collection: string,
  model: string,
  documents: readonly { id: string; text: string; metadata: Record<string, string | number | boolean> }[],
) {
  const check = <T>(parsed: { success: true; data: T } | { success: false; error: z.ZodError }): T => {
    if (!parsed.success) throw validationError(parsed.error);
    return parsed.data;
  };
  if (documents.length <= INGEST_PART_DOCUMENTS) {
    const payload = check(ingestJobs.ingest.payload.safeParse({ collection, model, documents }));
    return submitJob(deps, { jobName: 'ingest', payload, ...submission });
  }
  const parts = Math.ceil(documents.length / INGEST_PART_DOCUMENTS);
  const payload = check(ingestJobs.ingest.payload.safeParse({ collection, model, documents: [], fanOut: { parts, documents: documents.length } }));
  const childPayloads = Array.from({ length: parts }, (_, part) =>
    check(
      ingestJobs['ingest-part'].payload.safeParse({
        collection,
        model,
        documents: documents.slice(part * INGEST_PART_DOCUMENTS, (part + 1) * INGEST_PART_DOCUMENTS),
        offset: part * INGEST_PART_DOCUMENTS,
        total: documents.length,
      }),
    ),
  );
  return submitFlow(deps, { jobName: 'ingest', childJobName: 'ingest-part', payload, childPayloads, ...submission });
}

/** DELETE /v1/collections/{name}/documents/{id}: removes every chunk of the document, at once. */
export function deleteDocument(deps: Deps): RequestHandler {
  return async (req, res) => {
    const tenant = req.tenant!;
    const name = collectionName(req.params.name);
    const documentId = String(req.params.id);
    await requireCollection(deps.services, tenant, name);
    const vectors = deps.services.vectors.forTenant(tenant);
    const stored = storedCollectionName(tenant, name);
    const chunks = await vectors.listByDocument(stored, documentId);
    if (chunks.length === 0) throw notFound('document');
    await vectors.deleteByDocument(stored, documentId);
    await announceChanges(deps.redis, deps.keys.prefix, [{ tenant, collection: name, documentId, change: 'deleted' }]);
    res.json({ collection: name, documentId, deletedChunks: chunks.length });
  };
}

export function collectionName(raw: unknown): string {
  const parsed = CollectionParam.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, 'params.name');
  return parsed.data;
}

async function readDocuments(req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1], limit: number) {
  if (req.is(NDJSON)) {
    const text = await readNdjson(req, res, limit);
    const query = IngestQuery.safeParse(req.query);
    if (!query.success) throw validationError(query.error, 'query');
    const lines = parseNdjson(text);
    if (lines.length === 0) throw new HttpError(400, 'invalid_request', 'body: no documents');
    const fields = fieldsOf('POST', '/v1/collections/:name/documents') ?? {};
    const perDocument = Object.fromEntries(
      Object.entries(fields)
        .filter(([path]) => path.startsWith('documents.*.'))
        .map(([path, decision]) => [path.slice('documents.*.'.length), decision]),
    );
    const documents: DocumentBody[] = [];
    for (const [i, line] of lines.entries()) {
      const doc = DocumentBody.safeParse(line);
      if (!doc.success) throw validationError(doc.error, `body.line.${i + 1}`);
      await refusePersonalIdentifiers(doc.data, perDocument, `body.line.${i + 1}`);
      documents.push(doc.data);
    }
    checkUniqueIds(documents, (i) => `body.line.${i + 1}.id`);
    return {
      documents,
      model: query.data.model,
      maxCostUsd: query.data.maxCostUsd,
      rawForHash: { ndjson: text, model: query.data.model, maxCostUsd: query.data.maxCostUsd },
    };
  }
  if (!req.is('application/json') && !req.is('application/*+json')) {
    throw new HttpError(415, 'unsupported_media_type', `send the body as application/json or ${NDJSON}`);
  }
  const body = IngestBody.safeParse(req.body);
  if (!body.success) throw validationError(body.error);
  checkUniqueIds(body.data.documents, (i) => `body.documents.${i}.id`);
  return { documents: body.data.documents, model: body.data.model, maxCostUsd: body.data.maxCostUsd, rawForHash: req.body as unknown };
}

/** Two documents with one id in one request would race each other's chunks: refuse them. */
function checkUniqueIds(documents: readonly DocumentBody[], pathOf: (index: number) => string): void {
  const seen = new Map<string, number>();
  const issues: { path: string; message: string }[] = [];
  documents.forEach((doc, i) => {
    const first = seen.get(doc.id);
    if (first !== undefined) issues.push({ path: pathOf(i), message: `the same document id as ${pathOf(first)}` });
    else seen.set(doc.id, i);
  });
  if (issues.length > 0) throw new HttpError(400, 'invalid_request', issues.map((x) => `${x.path}: ${x.message}`).join('; '), { issues });
}
