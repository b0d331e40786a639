import { pseudonymize, restore } from '@llmops/pii';
import type { TextMap, VaultMaps } from '@llmops/pipelines';
import type { PlatformServices } from '@llmops/services';

export type { TextMap } from '@llmops/pipelines';

/** Pseudonymizes text for a tenant within a vault scope (a job, or the tenant's saved definitions). */
export function protector(services: PlatformServices, tenant: string, scope: string): TextMap {
  const policy = services.piiPolicyFor(tenant);
  return async (text) => (await pseudonymize(text, { scope, policy, vault: services.vault })).text;
}

/** Puts a scope's originals back. */
export function restorer(services: PlatformServices, scope: string): TextMap {
  return (text) => (text.includes('<') ? restore(text, { scope, vault: services.vault }) : Promise.resolve(text));
}

/** The vault as the pipelines package's use cases take it. */
export function vaultMaps(services: PlatformServices): VaultMaps {
  return { protect: (tenant, scope) => protector(services, tenant, scope), restore: (scope) => restorer(services, scope) };
}
