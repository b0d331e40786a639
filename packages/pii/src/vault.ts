import { hashValue as hashValueWith } from './actions';
import { decrypt, deriveKey, encrypt, hmacHex, parseKey } from './crypto';
import { formatToken } from './tokens';
import type { EntityType } from './types';
import type { VaultStore } from './vault-store';

/** Options for {@link createVault}. */
export interface VaultOptions {
  /** 32-byte master key from configuration (bytes, base64 or hex). No default: required. */
  key: Uint8Array | string;
  /** Where ciphertexts and token lookups live. No default: use createMemoryVaultStore() or a Redis adapter. */
  store: VaultStore;
}

/** Encrypted pseudonym vault. Stores ciphertext of originals and HMACs of values, never a value in clear. */
export interface Vault {
  /** Stable tokens for values in a scope: the same (type, value) always gets the same token. */
  tokensFor(scope: string, items: readonly { type: EntityType; value: string }[]): Promise<string[]>;
  /** Originals for the tokens this scope issued; tokens of other scopes or unknown tokens are absent. */
  originals(scope: string, tokens: readonly string[]): Promise<Map<string, string>>;
  /** Keyed hash for the 'hash' action (a sub-key of the vault key). */
  hash(type: EntityType, value: string): string;
  /** Forgets a scope (job deleted or retention over); a no-op when the store has no deleteScope. */
  forget(scope: string): Promise<void>;
}

const VALUE_FIELD = 'v:';
const TOKEN_FIELD = 't:';
const COUNTER_FIELD = 'n:';

export function createVault(options: VaultOptions): Vault {
  const master = parseKey(options.key);
  const encKey = deriveKey(master, 'vault-enc');
  const macKey = deriveKey(master, 'vault-mac');
  const hashKey = deriveKey(master, 'hash-action');
  const { store } = options;
  // The scope is bound into both the MAC and the AEAD data: nothing can be replayed into another scope.
  const valueField = (scope: string, type: EntityType, value: string): string =>
    VALUE_FIELD + hmacHex(macKey, `${scope}\u0000${type}\u0000${value}`);
  const aad = (scope: string, token: string): string => `${scope}\u0000${token}`;

  const getMany = async (scope: string, fields: readonly string[]): Promise<(string | undefined)[]> =>
    store.getMany ? store.getMany(scope, fields) : Promise.all(fields.map((f) => store.get(scope, f)));

  return {
    async tokensFor(scope, items) {
      const fields = items.map((i) => valueField(scope, i.type, i.value));
      const found = await getMany(scope, fields);
      const issued = new Map<string, string>();
      // New values are numbered in order of first appearance, one at a time, so numbering is deterministic.
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        const field = fields[i];
        if (item === undefined || field === undefined || found[i] !== undefined || issued.has(field)) continue;
        const n = await store.increment(scope, COUNTER_FIELD + item.type);
        const token = formatToken(item.type, n);
        // Ciphertext first: whoever can see the token can always restore it.
        await store.setIfAbsent(scope, TOKEN_FIELD + token, encrypt(encKey, item.value, aad(scope, token)));
        // A concurrent worker may have won the race for this value; its token is the one everybody uses.
        issued.set(field, await store.setIfAbsent(scope, field, token));
      }
      return fields.map((f, i) => found[i] ?? issued.get(f) ?? '');
    },
    async originals(scope, tokens) {
      const unique = [...new Set(tokens)];
      const sealed = await getMany(scope, unique.map((t) => TOKEN_FIELD + t));
      const out = new Map<string, string>();
      unique.forEach((t, i) => {
        const s = sealed[i];
        if (s !== undefined) out.set(t, decrypt(encKey, s, aad(scope, t)));
      });
      return out;
    },
    hash(type, value) {
      return hashValueWith(hashKey, type, value);
    },
    async forget(scope) {
      await store.deleteScope?.(scope);
    },
  };
}
