import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, waitFor, type OwnRedis } from '@llmops/testing';
import { createRedis } from '../src/index';

// A Redis blip (restarted on the same port and data) as a running job sees it, per connection role.
describe('connection roles during a Redis restart', () => {
  let server: OwnRedis;
  const args = ['--appendonly', 'yes', '--appendfsync', 'always'];
  beforeAll(async () => {
    server = await startRedisServer({ args });
  });
  afterAll(() => server?.stop());

  it("a job's command sent while Redis is down completes once it is back; an API request's fails at once", async () => {
    const job = createRedis({ url: server.url, role: 'job' });
    const api = createRedis({ url: server.url, role: 'producer' });
    await job.set('before', '1');
    await waitFor(() => api.status === 'ready', { what: 'producer ready' });

    await server.stop({ keepData: true });
    await waitFor(() => job.status !== 'ready', { what: 'the job connection to notice' });
    const pending = job.incr('counter');
    await expect(api.get('before')).rejects.toThrow();
    server = await startRedisServer({ port: server.port, dir: server.dir, args });

    expect(await pending).toBe(1);
    expect(await job.get('before')).toBe('1');
    job.disconnect();
    api.disconnect();
  });
});
