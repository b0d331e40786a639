import type { PlatformServices } from '@llmops/services';
import { countTokens } from '@llmops/tokens';
import type { CollectionInfo, MetadataValue, VectorFilter } from '@llmops/vector';
import { piiScope } from '../collections';
import { protectFilter, protectText, restoreText, type PrivacyContext } from '../privacy';
import { QueryTooLongError } from './errors';

export interface SearchRequest {
  tenant: string;
  /** The user-facing collection name. */
  collection: string;
  /** The tenant's collection, as described by the store. */
  info: CollectionInfo;
  query: string;
  topK: number;
  filter?: VectorFilter;
}

/** One nearest chunk, in the caller's own words (pseudonyms restored). */
export interface SearchHitView {
  id: string;
  score: number;
  documentId: string;
  chunkIndex: number;
  start: number;
  end: number;
  text: string;
  metadata: Record<string, MetadataValue>;
}

export interface SearchAnswer {
  collection: string;
  model: string;
  hits: SearchHitView[];
  usage: { tokens: number; costUsd: string };
}

/**
 * Embeds the (pseudonymized) query with the collection's model and returns the caller's nearest
 * chunks, with the pseudonyms restored (the caller owns them). A query over the model's input limit
 * throws QueryTooLongError; provider and store errors pass through.
 */
export async function searchCollection(
  services: Pick<PlatformServices, 'llm' | 'vectors' | 'vault' | 'registry' | 'piiPolicyFor'>,
  request: SearchRequest,
): Promise<SearchAnswer> {
  const { tenant, collection, info } = request;
  const model = String(info.meta.model);
  requireQueryFits(services, model, request.query);
  const privacy: PrivacyContext = { scope: piiScope(tenant, collection), policy: services.piiPolicyFor(tenant), vault: services.vault };
  // The same scope as ingestion: "jane@x.com" in a query becomes the token her chunks carry.
  const query = await protectText(request.query, privacy);
  const filter = request.filter ? await protectFilter(request.filter, privacy) : undefined;
  const embedded = await services.llm.embed([query], { model, tenant, jobType: 'search' });
  const hits = await services.vectors.forTenant(tenant).search(info.name, { vector: embedded.vectors[0]!, topK: request.topK, ...(filter ? { filter } : {}) });
  const views = await Promise.all(
    hits.map(async (hit) => ({
      id: hit.id,
      score: hit.score,
      documentId: hit.payload.documentId,
      chunkIndex: hit.payload.chunkIndex,
      start: hit.payload.start,
      end: hit.payload.end,
      text: await restoreText(hit.payload.text, privacy),
      metadata: await restoreMetadata(hit.payload.metadata, privacy),
    })),
  );
  return { collection, model, hits: views, usage: { tokens: embedded.usage.inputTokens, costUsd: embedded.costUsd } };
}

/** A query longer than the embedding model accepts is the caller's mistake, not the provider's. */
function requireQueryFits(services: Pick<PlatformServices, 'registry'>, model: string, query: string): void {
  const limit = services.registry.get(model)?.embedding?.maxTokensPerInput;
  if (limit === undefined) return;
  const tokens = countTokens(query, model);
  if (tokens > limit) throw new QueryTooLongError(tokens, limit, model);
}

async function restoreMetadata(metadata: Record<string, MetadataValue>, privacy: PrivacyContext) {
  const out: Record<string, MetadataValue> = {};
  for (const [key, value] of Object.entries(metadata)) out[key] = typeof value === 'string' ? await restoreText(value, privacy) : value;
  return out;
}
