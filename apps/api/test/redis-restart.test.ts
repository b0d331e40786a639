import { Redis } from 'ioredis';
import { bullPrefix } from '@llmops/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, waitFor, type OwnRedis } from '@llmops/testing';
import { getJson, keys, startHarness, submitEcho, type Harness } from './fixtures/harness';

// A private Redis with AOF fsynced on every write (compose uses everysec: at most ~1 s of writes at
// risk in a crash). It is SIGKILLed -- no shutdown save -- and restarted on the same data.
let redis: OwnRedis;
let harness: Harness;
beforeAll(async () => {
  redis = await startRedisServer({ args: ['--appendonly', 'yes', '--appendfsync', 'always', '--maxmemory-policy', 'noeviction'] });
  harness = await startHarness('restart', { REDIS_URL: redis.url });
});
afterAll(async () => {
  await harness.close();
  await redis.stop();
});

describe('a Redis restart', () => {
  it('keeps every job accepted with 202; a worker started afterwards runs them all', async () => {
    const accepted: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await submitEcho(harness.api, keys.alice, { items: [{ id: `a${i}`, text: `job ${i}` }] });
      expect(response.status).toBe(202);
      accepted.push(String(response.body.id));
    }
    await redis.stop({ keepData: true });
    redis = await startRedisServer({
      port: redis.port,
      dir: redis.dir,
      args: ['--appendonly', 'yes', '--appendfsync', 'always', '--maxmemory-policy', 'noeviction'],
    });

    // The jobs are in the restarted server's data, read back from the append-only file.
    const direct = new Redis(redis.url);
    expect(await direct.exists(...accepted.map((id) => `${bullPrefix(harness.prefix, { queue: 'test-echo' })}:test-echo:${id}`))).toBe(accepted.length);
    direct.disconnect();

    await harness.startWorker();
    for (const id of accepted) {
      const job = await waitFor(
        async () => {
          const view = await getJson(`${harness.api.url}/v1/jobs/${id}`, keys.alice).catch(() => undefined);
          return view?.body.state === 'completed' ? view.body : undefined;
        },
        { what: `job ${id} after the restart`, timeoutMs: 60_000 },
      );
      expect(job.result).toMatchObject({ items: 1 });
    }
  });
});
