import type { PipelineDefinition } from '@llmops/contracts';
import { definitionScope, type DefinitionStore, type SavedPipeline } from '../definitions';
import { mapDefinition } from './text-map';
import type { VaultMaps } from './vault';

/**
 * The tenant's saved definitions as their owner sees them: stored pseudonymized with the tenant's
 * definition scope, read back restored. Saving may throw DefinitionLimitError (too many versions).
 */
export function ownerDefinitions(store: DefinitionStore, vault: VaultMaps, tenant: string) {
  const scope = definitionScope(tenant);
  return {
    async save(name: string, definition: PipelineDefinition): Promise<SavedPipeline> {
      return store.save(tenant, name, await mapDefinition(definition, vault.protect(tenant, scope)));
    },
    async restored(saved: SavedPipeline): Promise<SavedPipeline> {
      return { ...saved, definition: await mapDefinition(saved.definition, vault.restore(scope)) };
    },
  };
}
