import { createMemoryVaultStore } from '../src/index';
import { vaultStoreContract } from '../testing/vault-store-contract';

vaultStoreContract('memory', async () => ({ store: createMemoryVaultStore() }));
