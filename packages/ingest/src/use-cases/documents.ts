import type { RedisClient } from '@llmops/redis';
import type { PlatformServices } from '@llmops/services';
import { announceChanges } from '../changes';
import { storedCollectionName } from '../collections';

/**
 * Removes every chunk of one document of the tenant's collection at once and announces the deletion
 * on the `docs:changed` stream. Returns how many chunks were removed: 0 when the document had none
 * (nothing is deleted or announced then).
 */
export async function deleteDocument(
  deps: { services: Pick<PlatformServices, 'vectors'>; redis: RedisClient; prefix: string },
  target: { tenant: string; collection: string; documentId: string },
): Promise<number> {
  const { tenant, collection, documentId } = target;
  const vectors = deps.services.vectors.forTenant(tenant);
  const stored = storedCollectionName(tenant, collection);
  const chunks = await vectors.listByDocument(stored, documentId);
  if (chunks.length === 0) return 0;
  await vectors.deleteByDocument(stored, documentId);
  await announceChanges(deps.redis, deps.prefix, [{ tenant, collection, documentId, change: 'deleted' }]);
  return chunks.length;
}
