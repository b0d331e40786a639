import type { RequestHandler } from 'express';
import { collectionForUpload, deleteDocument as deleteDocumentChunks, submitUpload } from '@llmops/ingest';
import { estimateIngest } from '@llmops/limits';
import { admitting, requestBytes } from '../../limits/admit';
import type { PlatformServices } from '@llmops/services';
import type { ApiDeps } from '../../deps';
import { notFound } from '../../http/errors';
import { canonicalHash, readIdempotencyKey } from '../../submission/request';
import { acceptOne, settle } from '../../submission/respond';
import { requireCollection } from './collection-info';
import { mapErrors } from './errors';
import { collectionName } from './params';
import { readDocuments } from './read-documents';

type Deps = ApiDeps & { services: PlatformServices };

/**
 * POST /v1/collections/{name}/documents: creates the collection on first use, admits the upload
 * against the tenant's limits and enqueues it (one job, or a flow of parts past 500 documents);
 * answers 202 with the job.
 */
export function ingestDocuments(deps: Deps): RequestHandler {
  return async (req, res) => {
    const tenant = req.tenant!;
    const name = collectionName(req.params.name);
    const { documents, model, maxCostUsd, rawForHash } = await readDocuments(req, res, deps.bodyLimitBytes);
    const idempotencyKey = readIdempotencyKey(req);

    const info = await mapErrors(() => collectionForUpload(deps.services, tenant, name, model));
    const collectionModel = String(info.meta.model);
    const estimate = await estimateIngest({ model: collectionModel, documents }, deps.services.registry);
    // Only the upload (the parent of a fan-out) counts against the tenant's jobs at once.
    const admit = await admitting(deps.services.limits, { tenant, queue: 'ingest', jobs: [{ bytes: requestBytes(req, documents), estimate }], maxCostUsd });
    const requestHash = await canonicalHash({ path: req.path, body: rawForHash });
    const upload = { tenant, collection: name, model: collectionModel, documents, requestHash, idempotencyKey, admit };
    const outcome = await settle(submitUpload(deps, upload));
    acceptOne(res, outcome, 'ingest', { collection: name, model: info.meta.model, documents: documents.length });
  };
}

/** DELETE /v1/collections/{name}/documents/{id}: removes every chunk of the document, at once. */
export function deleteDocument(deps: Deps): RequestHandler {
  return async (req, res) => {
    const tenant = req.tenant!;
    const name = collectionName(req.params.name);
    const documentId = String(req.params.id);
    await requireCollection(deps.services, tenant, name);
    const deletedChunks = await deleteDocumentChunks(
      { services: deps.services, redis: deps.redis, prefix: deps.keys.prefix },
      { tenant, collection: name, documentId },
    );
    if (deletedChunks === 0) throw notFound('document');
    res.json({ collection: name, documentId, deletedChunks });
  };
}
