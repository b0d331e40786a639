import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LanceDbVectorStore } from '../src';

const here = dirname(fileURLToPath(import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

function runWriter(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsxCli, join(here, 'fixtures/writer.ts'), ...args], {
      env: { ...process.env, LANCEDB_LOG: 'error' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('LanceDB with several processes on one table', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('two writer processes and a reading/maintaining process: no lost or duplicated rows', { timeout: 120_000 }, async () => {
    const directory = await mkdtemp(join(tmpdir(), 'vector-mp-'));
    dirs.push(directory);
    const store = new LanceDbVectorStore({ directory, maintainRetry: { attempts: 20, baseDelayMs: 50 } });
    const collection = 'shared';
    await store.ensureCollection({ name: collection, dimensions: 8 });
    const t = store.forTenant('tenant-mp');
    const BATCHES = 12;
    const SIZE = 25;
    const expected = 2 * BATCHES * SIZE;

    let done = false;
    const writers = Promise.all([
      runWriter([directory, collection, 'w1', String(BATCHES), String(SIZE)]),
      runWriter([directory, collection, 'w2', String(BATCHES), String(SIZE)]),
    ]).finally(() => (done = true));

    // Read while they write: the count only grows and never passes the total.
    const seen: number[] = [];
    let maintained = false;
    while (!done) {
      const n = await t.count(collection);
      seen.push(n);
      expect(n).toBeLessThanOrEqual(expected);
      if (!maintained && n > expected / 3) {
        // Compaction + scalar indexes racing the writers' commits: retried, never lost.
        await store.maintain();
        maintained = true;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const results = await writers;
    expect(maintained).toBe(true);
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 });
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen.some((n) => n > 0 && n < expected)).toBe(true); // we really read mid-write

    expect(await t.count(collection)).toBe(expected);
    for (const w of ['w1', 'w2']) {
      for (let b = 0; b < BATCHES; b++) {
        const listed = await t.listByDocument(collection, `${w}-doc-${b}`);
        expect(listed.map((p) => p.payload.chunkIndex)).toEqual(Array.from({ length: SIZE }, (_, i) => i));
      }
    }
    const report = await store.maintain();
    expect(report.collections).toMatchObject([{ name: collection, vectorIndexBuilt: false, optimized: true }]);
    expect(await t.count(collection)).toBe(expected);
    await store.close();
  });
});
