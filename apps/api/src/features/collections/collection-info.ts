import { storedCollectionName, type CollectionInfo } from '@llmops/ingest';
import type { PlatformServices } from '@llmops/services';
import { HttpError } from '../../http/errors';

/** The tenant's collection, or a 404. */
export async function requireCollection(services: PlatformServices, tenant: string, name: string): Promise<CollectionInfo> {
  const info = await services.vectors.describeCollection(storedCollectionName(tenant, name));
  if (!info) throw new HttpError(404, 'not_found', `collection "${name}" not found`);
  return info;
}
