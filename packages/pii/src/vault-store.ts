/**
 * Storage port for the pseudonym vault: one small hash per scope (a job). Values are opaque strings
 * (ciphertexts, tokens, counters). A Redis adapter maps each method to one command on the key
 * `<prefix>:<scope>`: get -> HGET, getMany -> HMGET, setIfAbsent -> HSETNX then HGET,
 * increment -> HINCRBY, deleteScope -> DEL.
 */
export interface VaultStore {
  /** The field's value, or undefined. */
  get(scope: string, field: string): Promise<string | undefined>;
  /** Optional batch read (one round trip); the vault falls back to `get` per field. */
  getMany?(scope: string, fields: readonly string[]): Promise<(string | undefined)[]>;
  /** Sets the field only if absent; resolves to the value stored afterwards (ours or the earlier winner's). */
  setIfAbsent(scope: string, field: string, value: string): Promise<string>;
  /** Atomically adds 1 to a counter field (starting at 0) and resolves to the new value. */
  increment(scope: string, counter: string): Promise<number>;
  /** Optional: forget a scope entirely (job deleted / retention expired). */
  deleteScope?(scope: string): Promise<void>;
}

/** The in-memory store, plus an inspection helper for tests. */
export interface MemoryVaultStore extends VaultStore {
  /** Every field and value stored for a scope (what a Redis HGETALL would show). */
  entries(scope: string): [string, string][];
  /** Scopes that hold at least one field. */
  scopes(): string[];
}

/** A VaultStore for one process (tests, single-node use). Not shared across workers. */
export function createMemoryVaultStore(): MemoryVaultStore {
  const data = new Map<string, Map<string, string>>();
  const hash = (scope: string): Map<string, string> => {
    let h = data.get(scope);
    if (!h) data.set(scope, (h = new Map()));
    return h;
  };
  return {
    async get(scope, field) {
      return data.get(scope)?.get(field);
    },
    async getMany(scope, fields) {
      const h = data.get(scope);
      return fields.map((f) => h?.get(f));
    },
    async setIfAbsent(scope, field, value) {
      const h = hash(scope);
      const existing = h.get(field);
      if (existing !== undefined) return existing;
      h.set(field, value);
      return value;
    },
    async increment(scope, counter) {
      const h = hash(scope);
      const next = Number(h.get(counter) ?? '0') + 1;
      h.set(counter, String(next));
      return next;
    },
    async deleteScope(scope) {
      data.delete(scope);
    },
    entries(scope) {
      return [...(data.get(scope) ?? new Map<string, string>()).entries()];
    },
    scopes() {
      return [...data.keys()];
    },
  };
}
