import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteKeys, uniquePrefix, waitFor } from '@llmops/testing';
import { cacheKeys, InflightCalls } from '../src';
import { redisUrl } from './helpers';

let prefix: string;
const connections: Redis[] = [];
const connect = () => {
  const redis = new Redis(redisUrl);
  connections.push(redis);
  return redis;
};
beforeAll(() => {
  prefix = uniquePrefix('inflight');
});
afterAll(async () => {
  for (const redis of connections) redis.disconnect();
  await deleteKeys(redisUrl, prefix);
});

/** A gate a test opens when the state it waits for is reached. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('in-flight coalescing', () => {
  it('five questions asked twice at once, across two replicas, make five calls; the repeats get their answers', async () => {
    const keys = cacheKeys(prefix);
    const replicas = [new InflightCalls(connect(), keys), new InflightCalls(connect(), keys)];
    const answers = new Map<string, string>();
    const release = gate();
    let calls = 0;
    const ask = (question: number, copy: number) =>
      replicas[copy]!.run('scope-1', `q${question}`, {
        lead: async () => {
          calls += 1;
          await release.opened;
          answers.set(`q${question}`, `answer ${question}`);
          return `answer ${question}`;
        },
        follow: async () => answers.get(`q${question}`),
      });
    const all = Promise.all([0, 1, 2, 3, 4].flatMap((q) => [ask(q, 0), ask(q, 1)]));
    await waitFor(() => calls === 5, { what: 'five calls in flight' });
    release.open();
    const outcomes = await all;
    expect(calls).toBe(5);
    expect(outcomes.map((o) => o.value)).toEqual([0, 1, 2, 3, 4].flatMap((q) => [`answer ${q}`, `answer ${q}`]));
    expect(outcomes.filter((o) => o.led)).toHaveLength(5);
    // Leases are given back: nothing is left in Redis.
    expect(await connections[0]!.keys(`${prefix}:cache:*inflight*`)).toEqual([]);
  });

  it('a crashed owner blocks identical requests for one lease at most, then one of them takes over', async () => {
    const keys = cacheKeys(prefix);
    const redis = connect();
    const inflight = new InflightCalls(redis, keys, { leaseMs: 400 });
    // A worker took the lease and died without releasing it.
    await redis.set(keys.inflight('scope-2', 'q'), 'dead-owner', 'PX', 400);
    let calls = 0;
    const outcome = await inflight.run('scope-2', 'q', {
      lead: async () => {
        // Only once the dead owner's lease ran out: the lease now holding the key is this caller's.
        expect(await redis.get(keys.inflight('scope-2', 'q'))).not.toBe('dead-owner');
        return `answer ${++calls}`;
      },
      follow: async () => undefined,
    });
    expect(outcome).toEqual({ led: true, value: 'answer 1' });
  });

  it('a failing owner hands over: a waiting request makes the call itself', async () => {
    const keys = cacheKeys(prefix);
    const [first, second] = [new InflightCalls(connect(), keys), new InflightCalls(connect(), keys)];
    const release = gate();
    let calls = 0;
    const failing = first.run('scope-3', 'q', {
      lead: async () => {
        calls += 1;
        await release.opened;
        throw new Error('provider said no');
      },
      follow: async () => undefined,
    });
    await waitFor(() => calls === 1, { what: 'the first call in flight' });
    const waiting = second.run('scope-3', 'q', { lead: async () => `answer ${++calls}`, follow: async () => undefined });
    release.open();
    await expect(failing).rejects.toThrow('provider said no');
    expect(await waiting).toEqual({ led: true, value: 'answer 2' });
  });

  it('the owner renews its lease while its call outlasts it, so nobody calls twice', async () => {
    const keys = cacheKeys(prefix);
    const redis = connect();
    const [owner, other] = [new InflightCalls(redis, keys, { leaseMs: 150 }), new InflightCalls(connect(), keys, { leaseMs: 150 })];
    const key = keys.inflight('scope-4', 'q');
    let answer: string | undefined;
    let calls = 0;
    let renewals = 0;
    const leading = owner.run('scope-4', 'q', {
      lead: async () => {
        calls += 1;
        // Wait until the lease has been renewed three times: the call has outlived several leases.
        let last = await redis.pttl(key);
        await waitFor(
          async () => {
            const now = await redis.pttl(key);
            if (now > last) renewals += 1;
            last = now;
            return renewals >= 3;
          },
          { intervalMs: 10, what: 'three renewals' },
        );
        answer = 'the answer';
        return answer;
      },
      follow: async () => answer,
    });
    await waitFor(() => calls === 1, { what: 'the call in flight' });
    const waiting = other.run('scope-4', 'q', { lead: async () => `second call ${++calls}`, follow: async () => answer });
    expect(await leading).toEqual({ led: true, value: 'the answer' });
    expect(await waiting).toEqual({ led: false, value: 'the answer' });
    expect(calls).toBe(1);
  });
});
