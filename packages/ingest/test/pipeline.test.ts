import { nanoToUsdString } from '@llmops/tokens';
import { describe, expect, it } from 'vitest';
import { createMemoryVaultStore, createVault, defaultPolicy } from '@llmops/pii';
import type { StoredPoint } from '@llmops/vector';
import {
  batchKey,
  chunkHasher,
  diffChunks,
  piiScope,
  planChunks,
  protectDocument,
  protectFilter,
  protectText,
  restoreText,
  storedCollectionName,
  userCollectionName,
  USER_COLLECTION_PATTERN,
  type PlannedChunk,
} from '../src/index';

const vault = createVault({ key: 'a'.repeat(64), store: createMemoryVaultStore() });
const otherVault = createVault({ key: 'b'.repeat(64), store: createMemoryVaultStore() });
const hash = chunkHasher(vault, 'text-embedding-3-small');
const paragraph = (n: number) => `Paragraph ${n}. ` + 'The turbine spindle bearing needs grease every month. '.repeat(40);
const text = [0, 1, 2, 3].map(paragraph).join('\n\n');

describe('collection names', () => {
  it('gives each tenant its own stored collection, within the store name limit', () => {
    const longest = 'a'.repeat(45);
    expect(USER_COLLECTION_PATTERN.test(longest)).toBe(true);
    expect(storedCollectionName('some-tenant-with-a-long-id', longest).length).toBeLessThanOrEqual(63);
    expect(storedCollectionName('alice', 'docs')).not.toBe(storedCollectionName('bob', 'docs'));
    expect(userCollectionName('alice', storedCollectionName('alice', 'docs'))).toBe('docs');
    expect(userCollectionName('bob', storedCollectionName('alice', 'docs'))).toBeUndefined();
    expect(piiScope('alice', 'docs')).not.toBe(piiScope('bob', 'docs'));
  });
});

describe('chunks and hashes', () => {
  it('chunks deterministically with keyed hashes that depend on text and model', () => {
    const a = planChunks(text, { model: 'text-embedding-3-small' }, hash);
    expect(a.length).toBeGreaterThan(1);
    expect(planChunks(text, { model: 'text-embedding-3-small' }, hash)).toEqual(a);
    for (const chunk of a) expect(text.slice(chunk.start, chunk.end)).toBe(chunk.text);
    expect(new Set(a.map((c) => c.hash)).size).toBe(a.length);
    const otherModel = chunkHasher(vault, 'text-embedding-3-large');
    expect(otherModel(a[0]!.text)).not.toBe(a[0]!.hash);
    expect(chunkHasher(otherVault, 'text-embedding-3-small')(a[0]!.text)).not.toBe(a[0]!.hash);
    expect(a[0]!.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(planChunks('  \n ', { model: 'text-embedding-3-small' }, hash)).toEqual([]);
  });
});

const stored = (chunks: readonly PlannedChunk[], metadata = {}): StoredPoint[] =>
  chunks.map((c) => ({
    id: `id-${c.index}`,
    payload: { documentId: 'd', chunkIndex: c.index, hash: c.hash, text: c.text, start: c.start, end: c.end, metadata },
  }));

describe('diffChunks', () => {
  const before = planChunks(text, { model: 'text-embedding-3-small' }, hash);

  it('everything is new when nothing is stored, nothing to do when all matches', () => {
    expect(diffChunks(before, [], {})).toMatchObject({ status: 'new', embed: before, unchanged: [], deleteIds: [] });
    expect(diffChunks(before, stored(before), {})).toMatchObject({ status: 'unchanged', embed: [], deleteIds: [] });
  });

  it('re-embeds only the changed tail and deletes chunks past the new end', () => {
    const shorter = [0, 1].map(paragraph).join('\n\n') + '\n\nA new closing paragraph about quokkas.';
    const after = planChunks(shorter, { model: 'text-embedding-3-small' }, hash);
    const diff = diffChunks(after, stored(before), {});
    expect(diff.status).toBe('updated');
    expect(diff.unchanged.length).toBeGreaterThan(0);
    expect(diff.embed.map((c) => c.index)).toEqual(after.slice(diff.unchanged.length).map((c) => c.index));
    expect(diff.deleteIds).toEqual(before.slice(after.length).map((c) => `id-${c.index}`));
  });

  it('re-embeds when metadata or offsets changed (the payload must be rewritten)', () => {
    expect(diffChunks(before, stored(before, { lang: 'en' }), { lang: 'de' }).embed).toHaveLength(before.length);
    expect(diffChunks(before, stored(before, { a: 1, b: 2 }), { b: 2, a: 1 }).status).toBe('unchanged');
    const moved = before.map((c) => ({ ...c, start: c.start + 1, end: c.end + 1 }));
    expect(diffChunks(moved, stored(before), {}).embed).toHaveLength(before.length);
  });

  it('an emptied document deletes every chunk', () => {
    expect(diffChunks([], stored(before), {})).toMatchObject({ status: 'updated', deleteIds: before.map((c) => `id-${c.index}`) });
  });
});

describe('batchKey and money', () => {
  it('is stable for the same chunks and differs otherwise', () => {
    const chunks = [{ documentId: 'a', index: 0, hash: 'h1' }];
    expect(batchKey('job', 3, chunks)).toBe(batchKey('job', 3, [...chunks]));
    expect(batchKey('job', 3, chunks)).not.toBe(batchKey('job', 4, chunks));
    expect(batchKey('job', 3, chunks)).not.toBe(batchKey('job', 3, [{ ...chunks[0]!, hash: 'h2' }]));
  });

  it('formats nano-dollars', () => {
    expect(nanoToUsdString(0n)).toBe('0.000000000');
    expect(nanoToUsdString(1_234n)).toBe('0.000001234');
    expect(nanoToUsdString(12_000_000_001n)).toBe('12.000000001');
  });
});

describe('privacy', () => {
  const context = { scope: piiScope('alice', 'docs'), policy: defaultPolicy, vault };

  it('pseudonymizes text and string metadata stably, and restores them in the same scope only', async () => {
    const doc = { id: 'd', text: 'Write to jane@example.com about card 4111 1111 1111 1111.', metadata: { owner: 'jane@example.com', n: 3 } };
    const once = await protectDocument(doc, context);
    expect(once.text).not.toContain('jane@example.com');
    expect(once.text).not.toContain('4111');
    expect(once.metadata.owner).toMatch(/^<EMAIL_\d+>$/);
    expect(once.metadata.n).toBe(3);
    expect(await protectDocument(doc, context)).toEqual(once);
    expect(await restoreText(once.text, context)).toBe(doc.text);
    expect(await restoreText(once.text, { ...context, scope: piiScope('bob', 'docs') })).toBe(once.text);
    expect(await protectText('mail jane@example.com', context)).toBe(`mail ${String(once.metadata.owner)}`);
    expect(
      await protectFilter(
        {
          and: [
            { field: 'metadata.owner', eq: 'jane@example.com' },
            { field: 'metadata.n', in: [3] },
          ],
        },
        context,
      ),
    ).toEqual({
      and: [
        { field: 'metadata.owner', eq: once.metadata.owner },
        { field: 'metadata.n', in: [3] },
      ],
    });
  });
});
