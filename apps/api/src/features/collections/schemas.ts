import { z } from 'zod';
import { MaxCostUsd } from '@llmops/contracts';
import { USER_COLLECTION_PATTERN, VectorFilterSchema } from '@llmops/ingest';

const metadataValue = z.union([z.string().max(1_024), z.number().finite(), z.boolean()]);

/** One document in a request: `{id, text, metadata?}`; re-sending an id replaces that document. */
export const DocumentBody = z.strictObject({
  /** Letters, digits and `_ . : / + -`: an id, not a place for text (ids that look like personal data are refused). */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:/+-]{0,255}$/, 'letters, digits and _ . : / + - (max 256)'),
  text: z.string().max(2_000_000),
  metadata: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'keys are [A-Za-z_][A-Za-z0-9_]{0,63}'), metadataValue).optional(),
});
export type DocumentBody = z.infer<typeof DocumentBody>;

/** POST /v1/collections/{name}/documents as JSON. `model` only matters when the collection is new. */
export const IngestBody = z.strictObject({
  documents: z.array(DocumentBody).min(1).max(100_000),
  model: z.string().min(1).max(128).optional(),
  /** The most this upload may spend, dollars as a decimal string. */
  maxCostUsd: MaxCostUsd.optional(),
});

/** Query of the NDJSON variant (the body is one document per line). */
export const IngestQuery = z.strictObject({ model: z.string().min(1).max(128).optional(), maxCostUsd: MaxCostUsd.optional() });

export const CollectionParam = z.string().regex(USER_COLLECTION_PATTERN, `collection names match ${USER_COLLECTION_PATTERN.source}`);

/** POST /v1/collections/{name}/search */
export const SearchBody = z.strictObject({
  query: z.string().min(1).max(32_000),
  topK: z.number().int().min(1).max(100).default(10),
  filter: VectorFilterSchema.optional(),
});
