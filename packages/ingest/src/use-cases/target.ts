import type { PlatformServices } from '@llmops/services';
import type { CollectionInfo } from '@llmops/vector';
import { DEFAULT_EMBEDDING_MODEL, storedCollectionName } from '../collections';
import { UnknownEmbeddingModelError } from './errors';

/**
 * The collection an upload writes to, created on first use with `model` (default
 * text-embedding-3-small). An existing collection keeps its model: naming another one throws
 * CollectionMismatchError (also after a race with another creator); an unknown model throws
 * UnknownEmbeddingModelError.
 */
export async function collectionForUpload(
  services: Pick<PlatformServices, 'vectors' | 'registry'>,
  tenant: string,
  collection: string,
  model: string | undefined,
): Promise<CollectionInfo> {
  const stored = storedCollectionName(tenant, collection);
  const existing = await services.vectors.describeCollection(stored);
  if (existing && (model === undefined || existing.meta.model === model)) return existing;
  const wanted = model ?? DEFAULT_EMBEDDING_MODEL;
  const dimensions = services.registry.get(wanted)?.embedding?.dimensions;
  if (!dimensions) throw new UnknownEmbeddingModelError(wanted);
  return services.vectors.ensureCollection({ name: stored, dimensions, distance: 'cosine', meta: { model: wanted } });
}
