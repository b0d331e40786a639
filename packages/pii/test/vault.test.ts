import { describe, expect, it } from 'vitest';
import { deriveKey, encrypt, hmacHex, parseKey } from '../src/crypto';
import { createMemoryVaultStore, createVault, defaultPolicy, pseudonymize, restore, type VaultStore } from '../src/index';

const KEY = 'a'.repeat(64);
const TEXT = 'Jane (jane@example.com, +1 415 555 0123) paid with 4111 1111 1111 1111 from 203.0.113.7';

describe('vault', () => {
  it('stores no original value in clear, only ciphertext and HMAC fields', async () => {
    const store = createMemoryVaultStore();
    const vault = createVault({ key: KEY, store });
    await pseudonymize(TEXT, { scope: 'job-1', policy: defaultPolicy, vault });
    const dump = JSON.stringify(store.entries('job-1'));
    for (const v of ['jane@example.com', '415 555 0123', '4111', '203.0.113.7']) expect(dump).not.toContain(v);
    expect(store.entries('job-1').length).toBeGreaterThan(0);
  });

  it('cannot restore with a different key (AES-GCM authentication fails)', async () => {
    const store = createMemoryVaultStore();
    const p = await pseudonymize(TEXT, { scope: 'job-1', policy: defaultPolicy, vault: createVault({ key: KEY, store }) });
    const other = createVault({ key: 'b'.repeat(64), store });
    await expect(restore(p.text, { scope: 'job-1', vault: other })).rejects.toThrow();
  });

  it('binds ciphertext to its scope: copied into another scope it does not decrypt', async () => {
    const store = createMemoryVaultStore();
    const vault = createVault({ key: KEY, store });
    const p = await pseudonymize('mail jane@example.com', { scope: 'job-a', policy: defaultPolicy, vault });
    for (const [field, value] of store.entries('job-a')) await store.setIfAbsent('job-b', field, value);
    await expect(restore(p.text, { scope: 'job-b', vault })).rejects.toThrow();
  });

  it('rejects keys that are not 32 bytes', () => {
    const store = createMemoryVaultStore();
    expect(() => createVault({ key: 'short', store })).toThrow(/32 bytes/);
    expect(() => createVault({ key: new Uint8Array(16), store })).toThrow(/32 bytes/);
    expect(() => createVault({ key: Buffer.alloc(32).toString('base64'), store })).not.toThrow();
  });

  it('gives two workers racing on one store the same token for the same value', async () => {
    const store = createMemoryVaultStore();
    // Interleave every store call so both workers read "absent" before either writes.
    const slow: VaultStore = {
      get: async (s, f) => (await tick(), store.get(s, f)),
      setIfAbsent: async (s, f, v) => (await tick(), store.setIfAbsent(s, f, v)),
      increment: async (s, c) => (await tick(), store.increment(s, c)),
    };
    const w1 = createVault({ key: KEY, store: slow });
    const w2 = createVault({ key: KEY, store: slow });
    const [a, b] = await Promise.all([
      pseudonymize('to jane@example.com', { scope: 'job', policy: defaultPolicy, vault: w1 }),
      pseudonymize('cc jane@example.com', { scope: 'job', policy: defaultPolicy, vault: w2 }),
    ]);
    expect(a.entities[0]?.replacement).toBe(b.entities[0]?.replacement);
    expect(await restore(a.text, { scope: 'job', vault: w2 })).toBe('to jane@example.com');
  });

  it('numbers tokens per type in order of first appearance, after the scope epoch', async () => {
    const vault = createVault({ key: KEY, store: createMemoryVaultStore() });
    const p = await pseudonymize('a@example.com b@example.com a@example.com 4111111111111111', { scope: 's', policy: defaultPolicy, vault });
    const e = await vault.epoch('s');
    expect(e).toMatch(/^[1-9]\d{5}$/);
    expect(p.text).toBe(`<EMAIL_${e}1> <EMAIL_${e}2> <EMAIL_${e}1> <CREDIT_CARD_${e}1>`);
  });

  it('leaves unknown tokens and token-like text alone', async () => {
    const vault = createVault({ key: KEY, store: createMemoryVaultStore() });
    const p = await pseudonymize('a@example.com', { scope: 's', policy: defaultPolicy, vault });
    const e = await vault.epoch('s');
    expect(await restore(`${p.text} <EMAIL_${e}7> <EMAIL_1> <FOO_1> <EMAIL_01>`, { scope: 's', vault })).toBe(
      `a@example.com <EMAIL_${e}7> <EMAIL_1> <FOO_1> <EMAIL_01>`,
    );
  });

  it('still restores, and keeps using, tokens minted before epochs existed ("<EMAIL_1>", no epoch field)', async () => {
    // The storage format of the previous version, written by hand: one value, its token and counter.
    const store = createMemoryVaultStore();
    const master = parseKey(KEY);
    await store.setIfAbsent('old', 't:<EMAIL_1>', encrypt(deriveKey(master, 'vault-enc'), 'a@example.com', 'old\u0000<EMAIL_1>'));
    await store.setIfAbsent('old', `v:${hmacHex(deriveKey(master, 'vault-mac'), 'old\u0000EMAIL\u0000a@example.com')}`, '<EMAIL_1>');
    await store.increment('old', 'n:EMAIL');
    const vault = createVault({ key: KEY, store });
    expect(await restore('<EMAIL_1>', { scope: 'old', vault })).toBe('a@example.com');
    const p = await pseudonymize('a@example.com b@example.com', { scope: 'old', policy: defaultPolicy, vault });
    expect(p.text).toBe(`<EMAIL_1> <EMAIL_${await vault.epoch('old')}2>`);
    expect(await restore(p.text, { scope: 'old', vault })).toBe('a@example.com b@example.com');
  });
});

const tick = () => new Promise<void>((r) => setImmediate(r));

describe('vault.forget', () => {
  it('makes the scope’s tokens unrestorable', async () => {
    const vault = createVault({ key: KEY, store: createMemoryVaultStore() });
    const p = await pseudonymize('a@example.com', { scope: 'gone', policy: defaultPolicy, vault });
    await vault.forget('gone');
    expect(await restore(p.text, { scope: 'gone', vault })).toBe(p.text);
  });
});
