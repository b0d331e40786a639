import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type OwnRedis } from '@llmops/testing';

const apiMain = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const workerMain = fileURLToPath(new URL('../../worker/src/main.ts', import.meta.url));

function run(script: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

let evicting: OwnRedis;
beforeAll(async () => {
  evicting = await startRedisServer({ args: ['--maxmemory', '64mb', '--maxmemory-policy', 'allkeys-lru'] });
});
afterAll(() => evicting.stop());

describe('startup refuses an evicting Redis', () => {
  it('the API exits 1 and says to set noeviction', async () => {
    const result = await run(apiMain, { REDIS_URL: evicting.url, API_KEYS: 'a:key-0123456789', PORT: '0' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/maxmemory-policy is "allkeys-lru"/);
    expect(result.stderr).toMatch(/CONFIG SET maxmemory-policy noeviction/);
  });

  it('the worker exits 1 and says to set noeviction', async () => {
    const result = await run(workerMain, { REDIS_URL: evicting.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/maxmemory-policy is "allkeys-lru"/);
  });
});

describe('startup refuses a bad configuration', () => {
  it('names every wrong variable', async () => {
    const result = await run(apiMain, { PORT: 'eighty', REDIS_URL: 'http://nope', BODY_LIMIT: 'huge' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PORT/);
    expect(result.stderr).toMatch(/REDIS_URL/);
    expect(result.stderr).toMatch(/BODY_LIMIT/);
    expect(result.stderr).toMatch(/API_KEYS/);
  });

  it('the worker names a bad WORKER_CONCURRENCY', async () => {
    const result = await run(workerMain, { WORKER_CONCURRENCY: 'inference=lots' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/WORKER_CONCURRENCY/);
  });
});
