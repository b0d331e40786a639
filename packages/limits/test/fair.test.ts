import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULLMQ_MAX_PRIORITY, createFairScheduler, priorityOfTag } from '../src/index';
import { cleanup, connect, testPrefix } from './helpers';

describe('fair scheduler: start-time fair queuing tags mapped to BullMQ priorities', () => {
  const prefix = testPrefix('fair-unit');
  let redis: Redis;
  beforeAll(() => {
    redis = connect();
  });
  afterAll(async () => {
    await cleanup(prefix);
    redis.disconnect();
  });

  it("gives a bulk consecutive tags, a newcomer the tag after virtual time, and a busy tenant's next job its turn after its backlog", async () => {
    const fair = createFairScheduler(redis, { keyPrefix: prefix, groupSize: 16 });
    const b = await fair.assign('q1', 'B', 3_000);
    expect(b.tags[0]).toBe(1);
    expect(b.tags[2_999]).toBe(3_000);
    expect(b.priorities.slice(0, 17)).toEqual([...Array<number>(15).fill(1), 2, 2]);
    expect(b.priorities[2_999]).toBe(188);
    expect(await fair.assign('q1', 'A', 1)).toEqual({ tags: [1], priorities: [1] });
    // The worker reaches B's priority 10 (tags 144..159): virtual time is 144.
    await fair.started('q1', 10);
    await fair.started('q1', 5); // a retried older job does not move it back
    expect((await fair.state('q1')).virtualTime).toBe(144);
    expect(await fair.assign('q1', 'A', 1)).toEqual({ tags: [145], priorities: [10] });
    expect(await fair.assign('q1', 'C', 2)).toEqual({ tags: [145, 146], priorities: [10, 10] });
    // B's next job queues after its own backlog.
    expect(await fair.assign('q1', 'B', 1)).toEqual({ tags: [3_001], priorities: [188] });
    expect(await fair.assign('other-queue', 'B', 1)).toEqual({ tags: [1], priorities: [1] });
  });

  it('with 100 busy tenants, a newcomer lands in the group being served', async () => {
    const fair = createFairScheduler(redis, { keyPrefix: prefix, groupSize: 16 });
    for (let t = 0; t < 100; t++) await fair.assign('q100', `t${t}`, 100);
    await fair.started('q100', 3); // tags 32..47 are being served
    const newcomer = await fair.assign('q100', 'new', 1);
    expect(newcomer.priorities).toEqual([3]);
    // Ahead of it in its group: at most 16 tags of each of the 100 tenants (FIFO within the group).
    const state = await fair.state('q100');
    expect(Object.keys(state.tenants)).toHaveLength(101);
    expect(state.maxTag).toBe(100);
  });

  it('clamps at the BullMQ ceiling (FIFO beyond it)', () => {
    expect(priorityOfTag(15, 16)).toBe(1);
    expect(priorityOfTag(16, 16)).toBe(2);
    expect(priorityOfTag(BULLMQ_MAX_PRIORITY * 16 + 1_000, 16)).toBe(BULLMQ_MAX_PRIORITY);
    expect(BULLMQ_MAX_PRIORITY).toBe(2_097_151);
  });

  it('a drained queue starts over only once nothing was assigned for quietMs', async () => {
    let clock = 1_000_000;
    const fair = createFairScheduler(redis, { keyPrefix: prefix, groupSize: 16, quietMs: 2_000, now: () => clock });
    await fair.assign('q-reset', 'B', 500);
    clock += 1_000;
    expect(await fair.drained('q-reset')).toBe(false);
    expect((await fair.state('q-reset')).maxTag).toBe(500);
    clock += 1_500;
    expect(await fair.drained('q-reset')).toBe(true);
    expect(await fair.assign('q-reset', 'B', 1)).toEqual({ tags: [1], priorities: [1] });
  });

  it('off: no priorities (plain FIFO) and nothing written', async () => {
    const fair = createFairScheduler(redis, { keyPrefix: prefix, enabled: false });
    expect(await fair.assign('q-off', 'B', 3)).toEqual({ tags: [], priorities: [undefined, undefined, undefined] });
    expect(await fair.state('q-off')).toEqual({ virtualTime: 0, maxTag: 0, tenants: {} });
  });
});
