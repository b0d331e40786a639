import { createHash } from 'node:crypto';

/** The embedding model a collection gets when its first ingestion names none. */
export const DEFAULT_EMBEDDING_MODEL = 'text-embedding-3-small';

/**
 * A collection name as users see it. Shorter than the vector store's 63 characters because the
 * stored name carries an 18-character tenant tag in front.
 */
export const USER_COLLECTION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,44}$/;

/** `t` + 16 hex of sha256(tenant): a fixed-length, name-safe stand-in for any tenant id. */
export function tenantTag(tenant: string): string {
  return `t${createHash('sha256').update(tenant).digest('hex').slice(0, 16)}`;
}

/**
 * The vector-store collection behind a tenant's collection. Each tenant owns its names: tenant A's
 * "docs" and tenant B's "docs" are different stored collections, possibly with different models.
 */
export function storedCollectionName(tenant: string, collection: string): string {
  return `${tenantTag(tenant)}_${collection}`;
}

/** The user-facing name of a stored collection if it belongs to `tenant`, else undefined. */
export function userCollectionName(tenant: string, stored: string): string | undefined {
  const prefix = `${tenantTag(tenant)}_`;
  return stored.startsWith(prefix) ? stored.slice(prefix.length) : undefined;
}

/**
 * Pseudonym scope of a tenant's collection: stable, so re-ingesting unchanged text yields the same
 * tokens (and so the same chunk hashes), and search queries get the tokens the documents got.
 */
export function piiScope(tenant: string, collection: string): string {
  return `ingest:${tenantTag(tenant)}:${collection}`;
}
