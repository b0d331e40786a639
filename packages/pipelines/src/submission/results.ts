import type { PipelineDefinition } from '@llmops/contracts';
import { piiScope } from '@llmops/ingest';
import { definitionCollections } from '../references';
import { mapDeep, type TextMap } from './text-map';
import type { VaultMaps } from './vault';

/**
 * `<DOC_EMAIL_1>` tokens came from a collection's scope (retrieved passages): each is put back with the
 * first of the definition's collections that knows it; unknown ones stay as they are.
 */
function docRestorer(vault: VaultMaps, tenant: string, collections: readonly string[]): TextMap {
  const scopes = collections.map((collection) => vault.restore(piiScope(tenant, collection)));
  return async (text) => {
    let out = text;
    for (const token of new Set(text.match(/<DOC_[A-Z][A-Z_]*_\d+>/g) ?? [])) {
      const inner = `<${token.slice(5)}`;
      for (const restore of scopes) {
        const restored = await restore(inner);
        if (restored !== inner) {
          out = out.split(token).join(restored);
          break;
        }
      }
    }
    return out;
  };
}

/**
 * A pipeline job's stored results with the owner's data put back: the job's scope for its inputs and
 * generations, the definition's collections' scopes for retrieved passages (`<DOC_*>` tokens).
 */
export function resultsForOwner(vault: VaultMaps, tenant: string, jobId: string, definition: PipelineDefinition) {
  const fromJob = vault.restore(jobId);
  const fromDocs = docRestorer(vault, tenant, [...new Set(definitionCollections(definition).map((entry) => entry.collection))]);
  const restore: TextMap = async (text) => (text.includes('<') ? fromDocs(await fromJob(text)) : text);
  return <T extends { result: unknown }>(items: readonly T[]): Promise<T[]> =>
    Promise.all(items.map(async (item) => ({ ...item, result: await mapDeep(item.result, restore) })));
}
