import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, connect, uniquePrefix } from './helpers';
import { answered, startSimulator, type Simulator } from './sim';

// The limiter's window is an option; 10 s keeps this test short while the log check below applies
// the same 10 s window to what the simulator actually received.
const WINDOW_MS = 10_000;
const TPM = 3_000;
const RUN_MS = 2 * WINDOW_MS + 3_000;
const WORKERS = 4;

interface Worker {
  ready: Promise<void>;
  go(): void;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function startWorker(args: Record<string, unknown>): Worker {
  const script = fileURLToPath(new URL('./fixtures/chat-worker.ts', import.meta.url));
  let child!: ReturnType<typeof spawn>;
  let onReady!: () => void;
  const ready = new Promise<void>((r) => (onReady = r));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    // node --import tsx: the same tsx loader as `pnpm exec tsx`, without pnpm's start-up per child.
    child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(args)], { cwd: fileURLToPath(new URL('..', import.meta.url)) });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.startsWith('ready\n')) onReady();
    });
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      onReady();
      resolve({ code, stdout, stderr });
    });
  });
  return { ready, done, go: () => void child.stdin?.write('go\n') };
}

describe('distributed TPM limiter across worker processes', () => {
  let redis: Redis;
  let sim: Simulator;
  const prefix = uniquePrefix('procs');
  beforeAll(async () => {
    redis = connect();
    sim = await startSimulator({ latencyMs: { p50: 20, p99: 120 }, logCapacity: 200_000 });
  });
  afterAll(async () => {
    await sim?.close();
    await cleanup(redis, prefix);
    redis.disconnect();
  });

  it('four processes never exceed the limit in any window, yet use at least 90% of it', async () => {
    const model = 'gpt-4o-mini';
    const since = sim.log.latestId;
    const workers = Array.from({ length: WORKERS }, (_, i) =>
      startWorker({
        baseURL: sim.baseURL,
        keyPrefix: prefix,
        tenant: `tenant-${i}`,
        model,
        tpm: TPM,
        windowMs: WINDOW_MS,
        subWindows: 40,
        marginMs: 250,
        durationMs: RUN_MS,
        maxTokens: 60,
        loops: 3,
      }),
    );
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.go();
    const results = await Promise.all(workers.map((w) => w.done));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    console.log(results.map((r) => r.stdout.trim()).join('\n'));
    const summaries = results.map((r) => JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { calls: number; errors: number });
    expect(summaries.every((s) => s.errors === 0)).toBe(true);

    const entries = answered(sim, '/v1/chat/completions', since)
      .map((e) => ({ t: Date.parse(e.time), tokens: e.promptTokens + e.completionTokens, body: JSON.stringify(e.body) }))
      .sort((a, b) => a.t - b.t);
    expect(entries.length).toBe(summaries.reduce((n, s) => n + s.calls, 0));

    const hist = new Map<number, number>();
    for (const e of entries)
      hist.set(Math.floor((e.t - (entries[0]?.t ?? 0)) / 1000), (hist.get(Math.floor((e.t - (entries[0]?.t ?? 0)) / 1000)) ?? 0) + e.tokens);
    console.log([...hist.entries()].map(([s, n]) => `${s}s:${n}`).join(' '));
    // Every window [t_i, t_i + W) that starts at a request: the most any window can hold.
    let worst = 0;
    let j = 0;
    let sum = 0;
    for (let i = 0; i < entries.length; i++) {
      while (j < entries.length && (entries[j]?.t ?? 0) < (entries[i]?.t ?? 0) + WINDOW_MS) sum += entries[j++]?.tokens ?? 0;
      worst = Math.max(worst, sum);
      sum -= entries[i]?.tokens ?? 0;
    }
    expect(worst).toBeLessThanOrEqual(TPM);

    // Throughput: the first two full windows together carry at least 90% of 2 x limit.
    const t0 = entries[0]?.t ?? 0;
    const firstTwo = entries.filter((e) => e.t < t0 + 2 * WINDOW_MS).reduce((n, e) => n + e.tokens, 0);
    console.log(`worst window ${worst}/${TPM} tokens; first two windows ${firstTwo}/${2 * TPM} (${((100 * firstTwo) / (2 * TPM)).toFixed(1)}%)`);
    expect(firstTwo).toBeGreaterThanOrEqual(0.9 * 2 * TPM);

    // Fair between tenants: equal demand gets roughly equal shares.
    for (let i = 0; i < WORKERS; i++) {
      const mine = entries.filter((e) => e.body.includes(`tenant tenant-${i} `)).reduce((n, e) => n + e.tokens, 0);
      const total = entries.reduce((n, e) => n + e.tokens, 0);
      expect(mine / total).toBeGreaterThan(0.15);
    }
  }, 120_000);
});
