import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { hashValue as hashValueWith } from './actions';
import { decrypt, deriveKey, encrypt, hmacHex, parseKey } from './crypto';
import { formatToken, TOKEN_SHAPE } from './tokens';
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
  /** The scope's current epoch (6 digits), or undefined before its first token. */
  epoch(scope: string): Promise<string | undefined>;
}

const VALUE_FIELD = 'v:';
const TOKEN_FIELD = 't:';
const COUNTER_FIELD = 'n:';
const EPOCH_FIELD = 'e';

/** A scope's vault epoch as stored: 6 digits, no leading zero. */
export const VaultEpoch = z.string().regex(/^[1-9]\d{5}$/);
export type VaultEpoch = z.infer<typeof VaultEpoch>;
/** A token as stored in a value field. */
const StoredToken = z.string().regex(TOKEN_SHAPE);

/**
 * Epochs make a vault loss safe: the first token of a scope creates its epoch (a random 6-digit
 * number, kept in the scope's hash) and every token carries it ("<EMAIL_" + epoch + counter + ">").
 * If the store is wiped or the scope expires, the next token creates a new epoch, so new tokens never
 * spell an old one, and text minted before the loss keeps tokens that no longer resolve (restore
 * leaves them as they are) instead of resolving to someone else's value. Two epochs of one scope
 * coincide with probability 1 in 900,000 per loss.
 */
const newEpoch = (): string => String(randomInt(100_000, 1_000_000));

export function createVault(options: VaultOptions): Vault {
  const master = parseKey(options.key);
  const encKey = deriveKey(master, 'vault-enc');
  const macKey = deriveKey(master, 'vault-mac');
  const hashKey = deriveKey(master, 'hash-action');
  const { store } = options;
  // The scope is bound into both the MAC and the AEAD data: nothing can be replayed into another scope.
  const valueField = (scope: string, type: EntityType, value: string): string => VALUE_FIELD + hmacHex(macKey, `${scope}\u0000${type}\u0000${value}`);
  const aad = (scope: string, token: string): string => `${scope}\u0000${token}`;

  const getMany = async (scope: string, fields: readonly string[]): Promise<(string | undefined)[]> =>
    store.getMany ? store.getMany(scope, fields) : Promise.all(fields.map((f) => store.get(scope, f)));

  return {
    async tokensFor(scope, items) {
      if (items.length === 0) return [];
      const fields = items.map((i) => valueField(scope, i.type, i.value));
      const [storedEpoch, ...found] = await getMany(scope, [EPOCH_FIELD, ...fields]);
      let epoch = storedEpoch === undefined ? undefined : VaultEpoch.parse(storedEpoch);
      const issued = new Map<string, string>();
      // New values are numbered in order of first appearance, one at a time, so numbering is deterministic.
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        const field = fields[i];
        if (item === undefined || field === undefined || found[i] !== undefined || issued.has(field)) continue;
        // Racing workers agree on one epoch: the first writer's.
        epoch ??= VaultEpoch.parse(await store.setIfAbsent(scope, EPOCH_FIELD, newEpoch()));
        const n = await store.increment(scope, COUNTER_FIELD + item.type);
        const token = formatToken(item.type, n, epoch);
        // Ciphertext first: whoever can see the token can always restore it.
        await store.setIfAbsent(scope, TOKEN_FIELD + token, encrypt(encKey, item.value, aad(scope, token)));
        // A concurrent worker may have won the race for this value; its token is the one everybody uses.
        issued.set(field, StoredToken.parse(await store.setIfAbsent(scope, field, token)));
      }
      return fields.map((f, i) => {
        const known = found[i];
        return known === undefined ? (issued.get(f) ?? '') : StoredToken.parse(known);
      });
    },
    async originals(scope, tokens) {
      const unique = [...new Set(tokens)];
      const sealed = await getMany(
        scope,
        unique.map((t) => TOKEN_FIELD + t),
      );
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
    async epoch(scope) {
      const stored = await store.get(scope, EPOCH_FIELD);
      return stored === undefined ? undefined : VaultEpoch.parse(stored);
    },
  };
}
