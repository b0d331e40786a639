import { randomUUID } from 'node:crypto';
import * as lancedb from '@lancedb/lancedb';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bullPrefix, platformCatalog } from '@llmops/contracts';
import { waitFor } from '@llmops/testing';
import { startPlatform, type PlatformHarness } from './fixtures/platform-harness';

// The embedded store's maintenance as the platform runs it: a BullMQ job scheduler on the
// vector-maintenance queue (every 3 s here), kept by both worker replicas, run by one at a time.
const DIMENSIONS = 16;
const COLLECTION = 'maintenance-probe';

let h: PlatformHarness;
let queue: Queue;
let db: lancedb.Connection;
beforeAll(async () => {
  h = await startPlatform('vector-maintenance');
  queue = new Queue('vector-maintenance', { connection: h.redis, prefix: bullPrefix(h.prefix, platformCatalog['vector-maintenance']) });
  db = await lancedb.connect(h.vectorDir, { readConsistencyInterval: 0 });
}, 60_000);
afterAll(async () => {
  db?.close();
  await queue?.close();
  await h?.close();
});

/** A deterministic vector per number, spread over the sphere. */
const vectorOf = (n: number) => Array.from({ length: DIMENSIONS }, (_, i) => Math.sin(n * 0.37 + i * 1.3) + (i === n % DIMENSIONS ? 1 : 0));
const fragments = async () => (await (await db.openTable(COLLECTION)).stats()).fragmentStats.numFragments;

describe('vector store maintenance on a schedule', () => {
  it('after 200 small upserts, a scheduled run compacts the fragments and searches answer the same', async () => {
    await h.services.vectors.ensureCollection({ name: COLLECTION, dimensions: DIMENSIONS });
    const alice = h.services.vectors.forTenant('alice');
    for (let batch = 0; batch < 200; batch++) {
      const points = [0, 1, 2].map((i) => {
        const n = batch * 3 + i;
        return {
          id: randomUUID(),
          vector: vectorOf(n),
          payload: { documentId: `doc-${n}`, chunkIndex: 0, hash: `h${n}`, text: `chunk ${n}`, start: 0, end: 1, metadata: {} },
        };
      });
      await alice.upsert(COLLECTION, points);
    }
    const before = await fragments();
    expect(before).toBeGreaterThanOrEqual(100);
    const queries = [5, 250, 599].map(vectorOf);
    const search = () =>
      Promise.all(
        queries.map(async (vector) => (await alice.search(COLLECTION, { vector, topK: 10 })).map((hit) => [hit.payload.documentId, hit.score.toFixed(5)])),
      );
    const answers = await search();

    // The workers (and with them the schedule) start now, so no run compacts while the upserts go on.
    const upsertsDone = Date.now();
    await h.startWorker({ WORKER_ID: 'maintenance-1', VECTOR_MAINTENANCE_EVERY_MS: '3000' });
    await h.startWorker({ WORKER_ID: 'maintenance-2', VECTOR_MAINTENANCE_EVERY_MS: '3000' });

    // A run that started after the upserts, completed (visible in Bull Board as the queue's completed job).
    const run = await waitFor(async () => (await queue.getCompleted()).find((job) => (job.processedOn ?? 0) > upsertsDone), {
      what: 'a maintenance run after the upserts',
      timeoutMs: 90_000,
    });
    const result = run.returnvalue as { store: string; collections: { name: string; optimized: boolean; error?: string }[] };
    expect(result.store).toBe('lancedb');
    expect(result.collections.find((c) => c.name === COLLECTION)).toMatchObject({ optimized: true });
    const after = await fragments();
    console.log(
      `vector maintenance: ${before} fragments after 200 upserts of 3 points, ${after} after the scheduled run (job ${run.id}, ${(run.finishedOn ?? 0) - (run.processedOn ?? 0)} ms)`,
    );
    expect(after).toBeLessThan(before / 10);
    expect(await search()).toEqual(answers);
  }, 180_000);

  it('runs one at a time: no two runs of the schedule overlap, whichever replica took them', async () => {
    await waitFor(async () => (await queue.getCompleted()).length >= 4 || undefined, { what: 'four runs', timeoutMs: 60_000 });
    const runs = (await queue.getCompleted()).map((job) => [job.processedOn ?? 0, job.finishedOn ?? 0] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < runs.length; i++) expect(runs[i]![0]).toBeGreaterThanOrEqual(runs[i - 1]![1]);
    expect((await queue.getJobSchedulers()).map((scheduler) => scheduler.key)).toEqual(['vector-maintenance']);
    expect(await queue.getGlobalConcurrency()).toBe(1);
  }, 90_000);
});
