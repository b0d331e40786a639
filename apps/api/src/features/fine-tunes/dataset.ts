import { collectionDatasetText, DatasetError, DocumentNotFoundError, prepareDataset, type PreparedDataset } from '@llmops/finetune';
import { storedCollectionName } from '@llmops/ingest';
import type { PlatformServices } from '@llmops/services';
import type { ModelInfo } from '@llmops/tokens';
import { HttpError } from '../../http/errors';
import { requireCollection } from '../collections/collection-info';
import type { FineTuneRequest } from './body';

/** The chat JSONL a request trains on: its own, or its collection's chunks as examples (a 404 names a missing document). */
export async function datasetText(services: PlatformServices, tenant: string, dataset: FineTuneRequest['dataset']): Promise<string> {
  if ('jsonl' in dataset) return dataset.jsonl;
  await requireCollection(services, tenant, dataset.collection);
  const store = services.vectors.forTenant(tenant);
  const stored = storedCollectionName(tenant, dataset.collection);
  return collectionDatasetText((documentId) => store.listByDocument(stored, documentId), dataset).catch((error: unknown) => {
    if (!(error instanceof DocumentNotFoundError)) throw error;
    const path = `body.dataset.documentIds.${error.index}`;
    throw new HttpError(404, 'not_found', `${path}: no such document in the collection`, { issues: [{ path, message: 'not found' }] });
  });
}

/** The checked and split dataset; bad lines are a 400 listing them by line number (their text never echoed). */
export async function preparedDataset(model: ModelInfo, jsonl: string, request: FineTuneRequest): Promise<PreparedDataset> {
  return prepareDataset(model, jsonl, { heldOut: request.heldOut?.examples ?? 0, epochs: request.epochs, path: 'body.dataset' }).catch((error: unknown) => {
    if (error instanceof DatasetError) throw new HttpError(400, 'invalid_dataset', error.message, { issues: error.issues, moreProblems: error.moreProblems });
    throw error;
  });
}
