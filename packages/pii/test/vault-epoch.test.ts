import { startRedisServer, type OwnRedis } from '@llmops/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisVaultStore } from '../adapters/redis-vault-store';
import { createMemoryVaultStore, createVault, defaultPolicy, pseudonymize, restore, type VaultStore } from '../src/index';

const KEY = Buffer.alloc(32, 11);

// A private redis-server, so the test can wipe it (FLUSHALL) without touching the shared one.
let server: OwnRedis;
let redis: Redis;
beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis(server.url);
});
afterAll(async () => {
  redis.disconnect();
  await server.stop();
});

describe('vault epochs', () => {
  it('after Redis is wiped, old tokens restore to themselves and never to the new values', async () => {
    const vault = createVault({ key: KEY, store: createRedisVaultStore(redis, { prefix: 'epoch-test' }) });
    const scope = 'collection-42';
    const old = await pseudonymize('Chunk 1 is about alice@example.com and 4111 1111 1111 1111.', { scope, policy: defaultPolicy, vault });
    expect(await restore(old.text, { scope, vault })).toBe('Chunk 1 is about alice@example.com and 4111 1111 1111 1111.');

    await redis.flushall(); // the vault is lost; the old chunk text lives on elsewhere (vectors, exports)

    const fresh = await pseudonymize('A new document mentions bob@example.org and 5555 5555 5555 4444.', { scope, policy: defaultPolicy, vault });
    expect(fresh.text).not.toBe(old.text);
    // The old text keeps its tokens: restored neither to the lost values nor to the new ones.
    const restoredOld = await restore(old.text, { scope, vault });
    expect(restoredOld).toBe(old.text);
    expect(restoredOld).not.toContain('bob@example.org');
    expect(restoredOld).not.toContain('5555');
    // The new text restores normally.
    expect(await restore(fresh.text, { scope, vault })).toBe('A new document mentions bob@example.org and 5555 5555 5555 4444.');
  });

  it('old and new tokens of a scope never spell the same string across a wipe', async () => {
    const vault = createVault({ key: KEY, store: createRedisVaultStore(redis, { prefix: 'epoch-test' }) });
    const tokens = async (text: string) => (await pseudonymize(text, { scope: 's', policy: defaultPolicy, vault })).entities.map((e) => e.replacement);
    const before = await tokens('a@example.com b@example.com');
    const epochBefore = await vault.epoch('s');
    await redis.flushall();
    const after = await tokens('c@example.com d@example.com');
    expect(await vault.epoch('s')).not.toBe(epochBefore);
    expect(after.filter((t) => before.includes(t))).toEqual([]);
  });

  it('racing workers create one epoch for a new scope and agree on every token', async () => {
    const store = createMemoryVaultStore();
    const tick = () => new Promise<void>((r) => setImmediate(r));
    const slow: VaultStore = {
      get: async (s, f) => (await tick(), store.get(s, f)),
      setIfAbsent: async (s, f, v) => (await tick(), store.setIfAbsent(s, f, v)),
      increment: async (s, c) => (await tick(), store.increment(s, c)),
    };
    const workers = Array.from({ length: 5 }, () => createVault({ key: KEY, store: slow }));
    const out = await Promise.all(workers.map((v) => pseudonymize('to jane@example.com', { scope: 'race', policy: defaultPolicy, vault: v })));
    expect(new Set(out.map((o) => o.text)).size).toBe(1);
    expect(store.entries('race').filter(([f]) => f === 'e')).toHaveLength(1);
  });

  it('leaves unknown tokens of any epoch untouched', async () => {
    const vault = createVault({ key: KEY, store: createMemoryVaultStore() });
    expect(await restore('<EMAIL_1234561> <EMAIL_1> <URL_9999991>', { scope: 'none', vault })).toBe('<EMAIL_1234561> <EMAIL_1> <URL_9999991>');
  });
});
