import { createHash } from 'node:crypto';

/** Namespace for this platform's point ids (a fixed random UUID; changing it re-keys every point). */
export const POINT_ID_NAMESPACE = '6f1d3a52-8c1b-4f7e-9a0d-2b5c7e4f9a13';

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

/** RFC 4122 UUIDv5 (SHA-1, name-based) of `name` in `namespace`. */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Deterministic id of one chunk, so a retried or repeated ingestion overwrites instead of
 * duplicating. JSON-encoding the parts keeps ("a:b","c") and ("a","b:c") apart.
 */
export function pointId(tenant: string, collection: string, documentId: string, chunkIndex: number): string {
  return uuidV5(JSON.stringify([tenant, collection, documentId, chunkIndex]), POINT_ID_NAMESPACE);
}
