import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmission } from '../src/index';
import { cleanup, connect, testPrefix } from './helpers';

describe('concurrency admission and waiting bytes', () => {
  const prefix = testPrefix('admission');
  let redis: Redis;
  beforeAll(() => {
    redis = connect();
  });
  afterAll(async () => {
    await cleanup(prefix);
    redis.disconnect();
  });
  const caps = { maxJobs: 3, maxWaitingBytes: 1_000 };

  it('admits to the cap, refuses past it all-or-nothing, and admits again after a release', async () => {
    const admission = createAdmission(redis, { keyPrefix: prefix });
    expect(await admission.admit('acme', [{ id: 'j1' }, { id: 'j2' }], caps)).toEqual({ ok: true, jobs: 2, waitingBytes: 0 });
    // Two more do not fit: neither is admitted.
    expect(await admission.admit('acme', [{ id: 'j3' }, { id: 'j4' }], caps)).toEqual({
      ok: false,
      refusal: { limit: 'concurrency.maxJobs', cap: 3, current: 2, requested: 2 },
    });
    expect(await admission.admit('acme', [{ id: 'j3' }], caps)).toMatchObject({ ok: true, jobs: 3 });
    // A replayed submission of admitted jobs takes no new slot.
    expect(await admission.admit('acme', [{ id: 'j3' }], caps)).toMatchObject({ ok: true, jobs: 3 });
    expect((await admission.admit('acme', [{ id: 'j4' }], caps)).ok).toBe(false);
    await admission.release('acme', 'j1');
    await admission.release('acme', 'j1'); // idempotent
    expect(await admission.admit('acme', [{ id: 'j4' }], caps)).toMatchObject({ ok: true, jobs: 3 });
    expect((await admission.admit('other', [{ id: 'x' }], caps)).ok).toBe(true);
  });

  it('counts stored bytes of waiting jobs; a started job stops counting, an ended one frees its slot', async () => {
    const admission = createAdmission(redis, { keyPrefix: prefix });
    expect(await admission.admit('bytes', [{ id: 'a', bytes: 600 }], caps)).toEqual({ ok: true, jobs: 1, waitingBytes: 600 });
    expect(await admission.admit('bytes', [{ id: 'b', bytes: 500 }], caps)).toEqual({
      ok: false,
      refusal: { limit: 'storage.maxWaitingBytes', cap: 1_000, current: 600, requested: 500 },
    });
    await admission.started('bytes', 'a');
    await admission.started('bytes', 'a'); // a retried start gives nothing back twice
    expect(await admission.usage('bytes')).toEqual({ jobs: 1, waitingBytes: 0 });
    expect(await admission.admit('bytes', [{ id: 'b', bytes: 500 }], caps)).toEqual({ ok: true, jobs: 2, waitingBytes: 500 });
    await admission.release('bytes', 'b');
    expect(await admission.usage('bytes')).toEqual({ jobs: 1, waitingBytes: 0 });
  });

  it('heals at the cap: the oldest members whose jobs ended without a release are dropped', async () => {
    let clock = 1_000_000;
    const finished = new Set(['old-1', 'old-2']);
    const asked: string[] = [];
    const admission = createAdmission(redis, {
      keyPrefix: prefix,
      now: () => clock,
      healMinAgeMs: 60_000,
      isUnfinished: async (id) => {
        asked.push(id);
        return !finished.has(id);
      },
    });
    expect((await admission.admit('heal', [{ id: 'old-1' }, { id: 'old-2' }, { id: 'live' }], caps)).ok).toBe(true);
    clock += 10_000;
    // Too young to be checked: a job just admitted may not be in the queue yet.
    expect((await admission.admit('heal', [{ id: 'new-1' }], caps)).ok).toBe(false);
    expect(asked).toEqual([]);
    clock += 60_000;
    expect(await admission.admit('heal', [{ id: 'new-1' }, { id: 'new-2' }], caps)).toMatchObject({ ok: true, jobs: 3 });
    expect(asked.sort()).toEqual(['live', 'old-1', 'old-2']);
  });
});
