import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointId, storedCollectionName } from '@llmops/ingest';
import { sleep, waitFor } from '@llmops/testing';
import { keys, startPlatform, type PlatformHarness } from './fixtures/platform-harness';
import { call, embeddingRequests, finished, ingest, makeDocs } from './ingest-fixtures';

// Every embedding request takes 250 ms, so a 320-document job (10 batches) runs long enough to be killed mid-way.
let h: PlatformHarness;
beforeAll(async () => {
  h = await startPlatform('ingest-crash', { simulator: { latencyMs: 250 } });
});
afterAll(() => h.close());

const docs = makeDocs(320, 'crash');
const lockEnv = { WORKER_LOCK_MS: '4000' };

interface UsageRow {
  jobType: string;
  requests: number;
  inputTokens: number;
  costNanoUsd: string;
}

async function ingestUsage(key: string): Promise<{ requests: number; inputTokens: number; costNanoUsd: string }> {
  const usage = await call(`${h.api.url}/v1/usage`, key);
  const rows = (usage.body.days as UsageRow[]).filter((row) => row.jobType === 'ingest');
  return {
    requests: rows.reduce((sum, row) => sum + row.requests, 0),
    inputTokens: rows.reduce((sum, row) => sum + row.inputTokens, 0),
    costNanoUsd: rows.reduce((sum, row) => sum + BigInt(row.costNanoUsd), 0n).toString(),
  };
}

async function storedChunks(tenant: string): Promise<Map<string, { id: string; hash: string; start: number; end: number; text: string }[]>> {
  const store = h.services.vectors.forTenant(tenant);
  const out = new Map<string, { id: string; hash: string; start: number; end: number; text: string }[]>();
  for (const doc of docs) {
    const points = await store.listByDocument(storedCollectionName(tenant, 'docs'), doc.id);
    out.set(
      doc.id,
      points.map((p) => ({ id: p.id, hash: p.payload.hash, start: p.payload.start, end: p.payload.end, text: p.payload.text })),
    );
  }
  return out;
}

describe('a worker SIGKILLed halfway through an ingestion', () => {
  it('ends with exactly the points of a clean run, and the ledger counts each chunk once', async () => {
    const first = await h.startWorker(lockEnv);
    const jobId = await ingest(h.api.url, keys.alice, 'docs', docs);
    const atKill = await waitFor(
      async () => {
        const view = await call(`${h.api.url}/v1/jobs/${jobId}`, keys.alice);
        const done = (view.body.progress as { batches?: { done: number } } | undefined)?.batches?.done ?? 0;
        // Kill between an answered embed call and the end of its batch: the ledger has counted the
        // call, the points may not be written.
        return done >= 3 && embeddingRequests(h.simulator.log.list()).length > done ? done : undefined;
      },
      { what: 'three batches done and the fourth embedded', intervalMs: 5, timeoutMs: 90_000 },
    );
    await sleep(30);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    expect(atKill).toBeLessThan(10);

    await h.startWorker({ ...lockEnv, WORKER_ID: 'after-crash' });
    const crashed = await finished(h.api.url, keys.alice, jobId);
    // The restarted job resumed: finished batches were not redone; the interrupted batch's embed call
    // is replayed from the call journal when its answer arrived before the kill, or sent once more
    // when it was in flight (never more).
    const inputs = embeddingRequests(h.simulator.log.list()).map((r) => r.inputs.join('\u0000'));
    expect(new Set(inputs).size).toBe(crashed.batches);
    expect(inputs.length).toBeLessThanOrEqual(crashed.batches + 1);
    for (const done of inputs.slice(0, atKill)) expect(inputs.filter((x) => x === done)).toHaveLength(1);

    // The same documents, cleanly, for another tenant.
    const clean = await finished(h.api.url, keys.bob, await ingest(h.api.url, keys.bob, 'docs', docs));
    expect(crashed.chunks).toEqual(clean.chunks);
    expect(crashed.documents).toEqual(clean.documents);
    expect(crashed.tokens).toBe(clean.tokens);

    const alice = await storedChunks('alice');
    const bob = await storedChunks('bob');
    let total = 0;
    for (const doc of docs) {
      const mine = alice.get(doc.id)!;
      const theirs = bob.get(doc.id)!;
      expect(mine.map(({ id: _id, ...rest }) => rest)).toEqual(theirs.map(({ id: _id, ...rest }) => rest));
      expect(mine.map((p) => p.id)).toEqual(mine.map((_, index) => pointId('alice', 'docs', doc.id, index)));
      total += mine.length;
    }
    expect(await h.services.vectors.forTenant('alice').count(storedCollectionName('alice', 'docs'))).toBe(total);
    expect(total).toBe(clean.chunks.new);

    const aliceUsage = await ingestUsage(keys.alice);
    const bobUsage = await ingestUsage(keys.bob);
    expect(aliceUsage.inputTokens).toBe(clean.tokens);
    expect(aliceUsage).toEqual(bobUsage);
  });
});
