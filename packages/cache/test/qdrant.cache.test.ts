import { afterAll, describe, expect, it } from 'vitest';
import { QdrantVectorStore } from '@llmops/vector';
import { OpenApiValidator, QDRANT_OPENAPI_PATH, QdrantStandin } from '@llmops/vector/standin';
import { semanticCacheContract } from './contract';

const validator = OpenApiValidator.load();
if (!validator) console.warn(`Qdrant OpenAPI schema not found at ${QDRANT_OPENAPI_PATH}: the cache's Qdrant path is not tested`);

describe.skipIf(!validator)('semantic cache through the Qdrant adapter', () => {
  const standin = new QdrantStandin(validator!);
  afterAll(() => standin.stop());

  semanticCacheContract('Qdrant stand-in', async () => {
    const url = await standin.start();
    return { open: async () => new QdrantVectorStore({ url, retry: { baseDelayMs: 5 } }) };
  });

  it('every request the cache sent matched the Qdrant OpenAPI schema', () => {
    expect(standin.requests.length).toBeGreaterThan(50);
    expect(standin.violations).toEqual([]);
    // The scope filter has its keyword index, created with the collection.
    expect(standin.requests.some((r) => r.path.endsWith('/index') && (r.body as { field_name?: string }).field_name === 'metadata.scope')).toBe(true);
  });
});
