// An 8 MB inference body of "+1 (" repeated once took 9.3 s of PII scanning on the API's event loop
// (/healthz stalled 7 s). Another process polls /healthz every 5 ms (open loop) while (1) the API
// process pseudonymizes 8.4 MB exactly as the submit path does, and (2) a third process POSTs the
// 8.4 MB body through the real submit path (JSON, body guards, zod, token estimate, hashing,
// pseudonymize, Redis). The /healthz p99 measured during each must stay under 100 ms: the one latency
// assertion the issue asks for; every sample is printed. When (2) fails while (1) passes, the time is
// spent outside packages/pii (see packages/pii/README.md, "Event loop", for the measured culprits).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pseudonymize } from '@llmops/pii';
import { waitFor } from '@llmops/testing';
import { json, keys, startPlatform, type PlatformHarness } from './fixtures/platform-harness';

let harness: PlatformHarness;
beforeAll(async () => {
  harness = await startPlatform('pii-event-loop');
}, 60_000);
afterAll(() => harness?.close());

// Runs in its own process, so its clock and sockets are not held up by the API's event loop. Open
// loop: a request leaves every 5 ms whether or not the previous ones were answered, and latency is
// counted from when it was due, so a stall shows up in every request it delays (no coordinated omission).
const POLLER = `
const url = process.argv[1];
const samples = [];
let stop = false;
let sent = 0;
process.stdin.on('data', () => { stop = true; });
const timer = setInterval(() => {
  if (stop) {
    clearInterval(timer);
    const wait = setInterval(() => {
      if (samples.length < sent) return;
      clearInterval(wait);
      process.stdout.write(JSON.stringify(samples));
      process.exit(0);
    }, 20);
    return;
  }
  const startedAt = Date.now();
  const t0 = performance.now();
  sent++;
  fetch(url).then(async (res) => {
    await res.arrayBuffer();
    samples.push({ startedAt, ms: performance.now() - t0, status: res.status });
    if (samples.length % 20 === 0) process.stderr.write('.');
  }, () => samples.push({ startedAt, ms: performance.now() - t0, status: 0 }));
}, 5);
`;

type Sample = { startedAt: number; ms: number; status: number };

function startPoller(url: string): { count: () => number; stop: () => Promise<Sample[]> } {
  const child: ChildProcess = spawn(process.execPath, ['-e', POLLER, url], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let dots = 0;
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (dots += chunk.toString().split('.').length - 1));
  return {
    count: () => dots * 20,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve(JSON.parse(out) as Sample[]));
        child.stdin?.write('stop\n');
      }),
  };
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

// The client is a separate process too: sending 8 MB must not run on the API's event loop.
const CLIENT = `
const [url, headers, file] = process.argv.slice(1);
fetch(url, { method: 'POST', headers: JSON.parse(headers), body: require('node:fs').readFileSync(file) })
  .then(async (res) => { process.stdout.write(JSON.stringify({ status: res.status, body: await res.text() })); });
`;

function postFromAnotherProcess(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'pii-event-loop-'));
  const file = join(dir, 'body.json');
  writeFileSync(file, body);
  const child = spawn(process.execPath, ['-e', CLIENT, url, JSON.stringify(headers), file], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve) =>
    child.once('exit', () => {
      rmSync(dir, { recursive: true, force: true });
      resolve(JSON.parse(out) as { status: number; body: string });
    }),
  );
}

// ~8.4 MB of "+1 (" in two shapes within the API's limits (message <= 100,000 chars, <= 10,000 items).
const bodyOf = (tag: string, items: number, chars: number) =>
  JSON.stringify({
    model: 'gpt-4o-mini',
    items: Array.from({ length: items }, (_, i) => ({ id: `${tag}${i}`, messages: [{ role: 'user', content: '+1 ('.repeat(chars / 4) }] })),
    cache: { mode: 'off' },
  });

/** Runs `action` while /healthz is polled from another process; returns the latencies during it. */
async function measure<T>(label: string, action: () => Promise<T>) {
  const poller = startPoller(`${harness.api.url}/healthz`);
  await waitFor(() => poller.count() >= 40, { what: 'healthz poller warmed up' });
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const startedAt = Date.now();
  const result = await action();
  const endedAt = Date.now();
  loop.disable();
  const samples = await poller.stop();
  const during = samples.filter((s) => s.startedAt >= startedAt && s.startedAt <= endedAt).sort((a, b) => a.startedAt - b.startedAt);
  const ms = during.map((s) => s.ms).sort((a, b) => a - b);
  console.log(
    `${label}: ${endedAt - startedAt} ms; /healthz during it: ${ms.length} samples, p50 ${percentile(ms, 50).toFixed(1)} ms, ` +
      `p90 ${percentile(ms, 90).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms, max ${(ms.at(-1) ?? 0).toFixed(1)} ms; ` +
      `API event-loop delay p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, max ${(loop.max / 1e6).toFixed(1)} ms`,
  );
  console.log(`  /healthz latencies (ms, in send order): ${during.map((s) => s.ms.toFixed(0)).join(' ')}`);
  return { result, during, ms };
}

const post = (body: string) => postFromAnotherProcess(`${harness.api.url}/v1/inference`, json(keys.alice), body);
const messages = (items: number, chars: number) => Array.from({ length: items }, () => '+1 ('.repeat(chars / 4));

describe('PII scanning never stalls the API event loop', () => {
  beforeAll(async () => {
    // The process's first inference request loads the tokenizer and the name lexicons (once); it is
    // measured and printed here, and the assertions below run on a warm process.
    const cold = await measure('cold process: POST 84 items x 100,000 chars', () => post(bodyOf('cold', 84, 100_000)));
    expect(cold.result.status, cold.result.body).toBe(202);
  }, 120_000);

  it('pseudonymizing 8.4 MB of "+1 (" the way the submit path does keeps /healthz p99 < 100 ms', async () => {
    // The API's own storeItems loop: Promise.all over a slice of messages, the job id as vault scope.
    const policy = harness.services.piiPolicyFor('alice');
    for (const [items, chars] of [[84, 100_000], [10_000, 840]] as const) {
      const texts = messages(items, chars);
      // Six rounds (50 MB), so the run is long enough for a couple of hundred samples.
      const run = await measure(`pseudonymize ${items} messages x ${chars} chars, 6 rounds, in the API process`, async () => {
        for (let round = 0; round < 6; round++) {
          for (let start = 0; start < texts.length; start += 250) {
            await Promise.all(texts.slice(start, start + 250).map((t) => pseudonymize(t, { scope: `scan-${items}-${round}`, policy, vault: harness.services.vault })));
          }
        }
      });
      expect(run.ms.length).toBeGreaterThanOrEqual(100);
      expect(run.during.every((s) => s.status === 200)).toBe(true);
      expect(percentile(run.ms, 99)).toBeLessThan(100);
    }
  }, 120_000);

  it('an 8 MB body of "+1 (" is accepted (202) while /healthz keeps answering: p99 < 100 ms during the request', async () => {
    // The whole submit path: JSON body, body guards, zod, token estimate, hashing, pseudonymize, Redis.
    // What besides PII scanning holds the loop here is listed in packages/pii/README.md ("Event loop").
    const results = [];
    for (const [items, chars] of [[10_000, 840], [84, 100_000]] as const) {
      const run = await measure(`POST /v1/inference, ${items} items x ${chars} chars (8.4 MB of content)`, () => post(bodyOf(`w${items}`, items, chars)));
      expect(run.result.status, run.result.body).toBe(202);
      expect(run.during.every((s) => s.status === 200)).toBe(true);
      expect(run.ms.length).toBeGreaterThanOrEqual(100);
      results.push(percentile(run.ms, 99));
    }
    for (const p99 of results) expect(p99).toBeLessThan(100);
  }, 240_000);
});
