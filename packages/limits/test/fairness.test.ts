import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, REDIS_URL, testPrefix } from './helpers';
import { runTrial } from './fixtures/fairness-trial';

describe('fair scheduling across tenants on a real BullMQ queue (worker concurrency 1)', () => {
  const prefixes: string[] = [];
  const prefix = () => {
    const p = testPrefix('fair');
    prefixes.push(p);
    return p;
  };
  afterAll(async () => {
    await Promise.all(prefixes.map((p) => cleanup(p)));
  });
  const K = 16;

  it("with fairness, A's one job starts among the first K + 2 jobs after it was added, behind B's 3,000", async () => {
    // A arrives while the queue is busy: 500 of B's jobs have run, virtual time has moved on.
    const result = await runTrial({ redisUrl: REDIS_URL, prefix: prefix(), fairness: true, bulk: 3_000, concurrency: 1, groupSize: K, aAfterStarted: 500 });
    console.log(`fair: ${result.startedBeforeA} jobs started before A (of ${result.waitingWhenAdded} of B's waiting when it was added)`);
    expect(result.waitingWhenAdded).toBeGreaterThan(2_000);
    expect(result.startedBeforeA).toBeLessThanOrEqual(K + 2);
  });

  it('the same holds when the worker only starts after both submissions', async () => {
    const result = await runTrial({
      redisUrl: REDIS_URL,
      prefix: prefix(),
      fairness: true,
      bulk: 3_000,
      concurrency: 1,
      groupSize: K,
      workerAfterSubmit: true,
    });
    expect(result.waitingWhenAdded).toBe(3_000);
    // A's tag is 1, B's are 1..3000: A shares the first priority with B's tags 1..15, added before it.
    expect(result.startedBeforeA).toBe(K - 1);
  });

  it("without fairness (FIFO), A's job starts last", async () => {
    const result = await runTrial({ redisUrl: REDIS_URL, prefix: prefix(), fairness: false, bulk: 3_000, concurrency: 1, aAfterStarted: 500 });
    expect(result.startedBeforeA).toBe(result.waitingWhenAdded);
    expect(result.waitingWhenAdded).toBeGreaterThan(2_000);
  });
});
