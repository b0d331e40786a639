import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LanceDbVectorStore } from '../src';
import { vectorStoreContract } from './contract';

vectorStoreContract('LanceDB (temp dir)', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'vector-contract-'));
  return {
    persistent: true,
    open: async () => new LanceDbVectorStore({ directory }),
    cleanup: () => rm(directory, { recursive: true, force: true }),
  };
});
