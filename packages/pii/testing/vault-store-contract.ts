// Contract suite for VaultStore implementations (memory here, Redis elsewhere).
// Usage in another package's test: vaultStoreContract('redis', async () => ({ store, cleanup }));
import { afterEach, describe, expect, it } from 'vitest';
import type { VaultStore } from '../src/vault-store';

/** What the factory returns: a store with no data in the scopes the suite uses, and its cleanup. */
export interface ContractSubject {
  store: VaultStore;
  /** Called after each test; delete whatever the test wrote. Default: nothing. */
  cleanup?: () => Promise<void>;
}

/** Registers the behaviour every VaultStore must have; `scope` names are unique per test. */
export function vaultStoreContract(name: string, make: () => Promise<ContractSubject>): void {
  describe(`VaultStore contract: ${name}`, () => {
    let cleanup: (() => Promise<void>) | undefined;
    let n = 0;
    const setup = async () => {
      const subject = await make();
      cleanup = subject.cleanup;
      return { store: subject.store, scope: `contract-${process.pid}-${Date.now()}-${++n}` };
    };
    afterEach(async () => {
      await cleanup?.();
      cleanup = undefined;
    });

    it('get returns undefined for a missing field', async () => {
      const { store, scope } = await setup();
      expect(await store.get(scope, 'nope')).toBeUndefined();
    });

    it('setIfAbsent keeps the first value and returns it to later callers', async () => {
      const { store, scope } = await setup();
      expect(await store.setIfAbsent(scope, 'f', 'first')).toBe('first');
      expect(await store.setIfAbsent(scope, 'f', 'second')).toBe('first');
      expect(await store.get(scope, 'f')).toBe('first');
    });

    it('setIfAbsent racing callers all see the same winner', async () => {
      const { store, scope } = await setup();
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.setIfAbsent(scope, 'race', `v${i}`)));
      expect(new Set(results).size).toBe(1);
    });

    it('increment is atomic: concurrent increments return distinct consecutive numbers', async () => {
      const { store, scope } = await setup();
      const got = await Promise.all(Array.from({ length: 50 }, () => store.increment(scope, 'n')));
      expect([...got].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    });

    it('keeps scopes apart', async () => {
      const { store, scope } = await setup();
      await store.setIfAbsent(scope, 'f', 'a');
      await store.increment(scope, 'n');
      expect(await store.get(`${scope}-other`, 'f')).toBeUndefined();
      expect(await store.increment(`${scope}-other`, 'n')).toBe(1);
    });

    it('getMany (when present) returns values in field order with undefined for gaps', async () => {
      const { store, scope } = await setup();
      if (!store.getMany) return;
      await store.setIfAbsent(scope, 'a', '1');
      await store.setIfAbsent(scope, 'c', '3');
      expect(await store.getMany(scope, ['a', 'b', 'c'])).toEqual(['1', undefined, '3']);
    });

    it('deleteScope (when present) forgets every field of the scope', async () => {
      const { store, scope } = await setup();
      if (!store.deleteScope) return;
      await store.setIfAbsent(scope, 'f', 'x');
      await store.deleteScope(scope);
      expect(await store.get(scope, 'f')).toBeUndefined();
    });
  });
}
