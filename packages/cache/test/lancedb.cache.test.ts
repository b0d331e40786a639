import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LanceDbVectorStore } from '@llmops/vector';
import { semanticCacheContract } from './contract';

semanticCacheContract('LanceDB', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'cache-lance-'));
  return { open: async () => new LanceDbVectorStore({ directory }), cleanup: () => rm(directory, { recursive: true, force: true }) };
});
