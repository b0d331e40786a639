import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVectorStore } from '../src';

describe('createVectorStore', () => {
  it('uses the embedded store unless a Qdrant url is configured', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'vector-create-'));
    const embedded = createVectorStore({ qdrant: { url: '' }, embedded: { directory } });
    expect(embedded.kind).toBe('lancedb');
    await embedded.close();
    expect(createVectorStore({ qdrant: { url: 'http://127.0.0.1:6333' }, embedded: { directory } }).kind).toBe('qdrant');
    expect(() => createVectorStore({})).toThrow(/embedded\.directory/);
    await rm(directory, { recursive: true, force: true });
  });
});
