import { Redis } from 'ioredis';
import { jobDataKeys, StoredDataError } from '@llmops/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { announceChanges, changesStreamKey, IngestProgress, readChanges } from '../src/index';

const redis = new Redis('redis://127.0.0.1:6379');
const prefix = `t-ingest-pkg-${Math.random().toString(16).slice(2, 10)}`;

afterAll(async () => {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
  redis.disconnect();
});

describe('document change stream', () => {
  it('appends changes in order with tenant, collection, document and kind', async () => {
    await announceChanges(redis, prefix, [
      { tenant: 'alice', collection: 'docs', documentId: 'd1', change: 'updated' },
      { tenant: 'alice', collection: 'docs', documentId: 'd2', change: 'deleted' },
    ]);
    await announceChanges(redis, prefix, []);
    expect(await redis.type(changesStreamKey(prefix))).toBe('stream');
    const changes = await readChanges(redis, prefix);
    expect(changes.map(({ id: _id, ...rest }) => rest)).toEqual([
      { tenant: 'alice', collection: 'docs', documentId: 'd1', change: 'updated' },
      { tenant: 'alice', collection: 'docs', documentId: 'd2', change: 'deleted' },
    ]);
  });
});

describe('IngestProgress', () => {
  const schemas = { plan: z.object({ embed: z.array(z.string()) }), stats: z.object({ n: z.number() }) };

  it('keeps the first plan of a batch and the stats of finished batches', async () => {
    const progress = IngestProgress.forJob(redis, prefix, 'job-1', 60, schemas);
    expect(await progress.fixPlan(0, { embed: ['a', 'b'] })).toEqual({ embed: ['a', 'b'] });
    // A retry computes another candidate (say, half was written): the first plan stands.
    expect(await progress.fixPlan(0, { embed: ['b'] })).toEqual({ embed: ['a', 'b'] });
    await progress.finish(0, { n: 2 });
    await progress.finish(2, { n: 5 });
    expect(await progress.finished()).toEqual(
      new Map([
        [0, { n: 2 }],
        [2, { n: 5 }],
      ]),
    );
    expect(await redis.ttl(jobDataKeys(prefix, 'job-1').ingestProgress)).toBeGreaterThan(0);
  });

  it('refuses a stored plan that does not match its schema instead of replaying it', async () => {
    await redis.hset(jobDataKeys(prefix, 'job-2').ingestProgress, 'plan:0', JSON.stringify({ embed: 'not a list' }));
    const progress = IngestProgress.forJob(redis, prefix, 'job-2', 60, schemas);
    await expect(progress.fixPlan(0, { embed: ['a'] })).rejects.toBeInstanceOf(StoredDataError);
  });
});
