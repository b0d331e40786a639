import { DEFAULT_EMBEDDING_MODEL, storedCollectionName, type CollectionInfo } from '@llmops/ingest';
import type { PlatformServices } from '@llmops/services';
import { HttpError } from '../../http/errors';

/** A tenant's collection as the API shows it. */
export interface CollectionView {
  name: string;
  model: string;
  dimensions: number;
  distance: string;
  /** Stored chunks (points) of this tenant. */
  chunks: number;
}

export async function viewCollection(services: PlatformServices, tenant: string, name: string, info: CollectionInfo): Promise<CollectionView> {
  const chunks = await services.vectors.forTenant(tenant).count(info.name);
  return { name, model: String(info.meta.model ?? ''), dimensions: info.dimensions, distance: info.distance, chunks };
}

/** The tenant's collection, or a 404. */
export async function requireCollection(services: PlatformServices, tenant: string, name: string): Promise<CollectionInfo> {
  const info = await services.vectors.describeCollection(storedCollectionName(tenant, name));
  if (!info) throw new HttpError(404, 'not_found', `collection "${name}" not found`);
  return info;
}

/**
 * The collection an ingestion writes to, created on first use with `model` (default
 * text-embedding-3-small). An existing collection keeps its model: naming another one is a 409.
 */
export async function collectionForIngest(services: PlatformServices, tenant: string, name: string, model: string | undefined): Promise<CollectionInfo> {
  const stored = storedCollectionName(tenant, name);
  const existing = await services.vectors.describeCollection(stored);
  if (existing && (model === undefined || existing.meta.model === model)) return existing;
  const wanted = model ?? DEFAULT_EMBEDDING_MODEL;
  const dimensions = services.registry.get(wanted)?.embedding?.dimensions;
  if (!dimensions)
    throw new HttpError(400, 'invalid_request', 'body.model: not a known embedding model (add others with MODEL_OVERRIDES)', {
      issues: [{ path: 'body.model', message: 'not a known embedding model' }],
    });
  // Throws CollectionMismatchError (409) when it exists with another model, also after a race.
  return services.vectors.ensureCollection({ name: stored, dimensions, distance: 'cosine', meta: { model: wanted } });
}
