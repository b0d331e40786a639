import type { PlatformServices } from '@llmops/services';
import type { CollectionInfo } from '@llmops/vector';
import { userCollectionName } from '../collections';

/** A tenant's collection as the API shows it. */
export interface CollectionView {
  name: string;
  model: string;
  dimensions: number;
  distance: string;
  /** Stored chunks (points) of this tenant. */
  chunks: number;
}

export async function viewCollection(services: Pick<PlatformServices, 'vectors'>, tenant: string, name: string, info: CollectionInfo): Promise<CollectionView> {
  const chunks = await services.vectors.forTenant(tenant).count(info.name);
  return { name, model: String(info.meta.model ?? ''), dimensions: info.dimensions, distance: info.distance, chunks };
}

/** The tenant's collections (and only those: other tenants' stored names do not map back). */
export async function listTenantCollections(services: Pick<PlatformServices, 'vectors'>, tenant: string): Promise<CollectionView[]> {
  const all = await services.vectors.listCollections();
  const mine = all.flatMap((info) => {
    const name = userCollectionName(tenant, info.name);
    return name === undefined ? [] : [{ name, info }];
  });
  return Promise.all(mine.map(({ name, info }) => viewCollection(services, tenant, name, info)));
}
