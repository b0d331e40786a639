import { describe, it } from 'vitest';
import { QdrantVectorStore } from '../src';
import { vectorStoreContract } from './contract';
import { QDRANT_API_KEY, QDRANT_URL } from './env';

if (QDRANT_URL) {
  const url = QDRANT_URL;
  vectorStoreContract(`real Qdrant at ${url}`, async () => ({
    persistent: true,
    open: async () => new QdrantVectorStore({ url, ...(QDRANT_API_KEY ? { apiKey: QDRANT_API_KEY } : {}) }),
  }));
} else {
  describe('VectorStore contract: real Qdrant', () => {
    it.skip('QDRANT_URL is not set: no real Qdrant to test against', () => {});
  });
}
