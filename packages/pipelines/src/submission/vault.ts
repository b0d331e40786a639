import type { TextMap } from './text-map';

/**
 * The PII vault as pipelines use it, built by the API: pseudonymize a tenant's text within a vault
 * scope (a job, the tenant's saved definitions), and put a scope's originals back.
 */
export interface VaultMaps {
  protect(tenant: string, scope: string): TextMap;
  restore(scope: string): TextMap;
}
