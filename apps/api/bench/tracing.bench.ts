// pnpm bench tracing [jobs] [--rounds=N]: what tracing costs the API's submission path. Three API
// processes with real services and the no-op job type, started alike except for tracing: off (no
// OTEL_* set), on (OTEL_EXPORTER_OTLP_ENDPOINT set, every request sampled: a SERVER span and an
// enqueue span per job, exported over OTLP/HTTP to a collector stand-in in this process that only
// counts them), and on but sampling nothing (the SDK and context propagation without recording or
// exporting). Rounds rotate the order so machine load drifts evenly; figures are medians, ratios
// the median of per-round ratios. Besides jobs/s (wall time, at the mercy of a shared machine's load)
// each API process reports the CPU time it used per job, which load disturbs far less. No workers
// run: jobs are accepted, not processed. Options only when run directly (tsx apps/api/bench/...).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BENCH_API_KEY, startBenchApi, type BenchApi } from './support/bench-api';

const redisUrl = 'redis://127.0.0.1:6379';
const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const jobs = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 4_000);
const rounds = Number(option('rounds') ?? 5);
const inFlight = 64;

// The collector stand-in: counts spans in each OTLP/JSON export without parsing it (cheap on this side).
let spansReceived = 0;
const sink = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (body += chunk));
  req.on('end', () => {
    spansReceived += body.split('"spanId"').length - 1;
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
  });
});
await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;

const startApi = (tracing: Record<string, string>): Promise<BenchApi> => startBenchApi({ redisUrl, label: 'bench-tracing', env: tracing });

/** Jobs per second through POST /v1/bench-noop with `inFlight` requests in flight, and the API's CPU µs per job. */
async function throughput(api: BenchApi, count: number): Promise<{ perSecond: number; cpuUsPerJob: number }> {
  let next = 0;
  const cpu = await api.cpuUs();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) {
        const n = next++;
        const response = await fetch(`${api.url}/v1/bench-noop`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${BENCH_API_KEY}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ n }),
        });
        if (response.status !== 202) throw new Error(`POST: ${response.status} ${await response.text()}`);
        await response.arrayBuffer();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: count / seconds, cpuUsPerJob: ((await api.cpuUs()) - cpu) / count };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

console.log(`${jobs} no-op submissions per API and round, ${inFlight} in flight, ${rounds} rounds; Redis ${redisUrl}; no workers`);
const modes = ['off', 'on', 'unsampled'] as const;
type Mode = (typeof modes)[number];
const exporting = {
  OTEL_EXPORTER_OTLP_ENDPOINT: sinkUrl,
  OTEL_BSP_SCHEDULE_DELAY: '1000',
  OTEL_BSP_MAX_QUEUE_SIZE: '16384',
  OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '2048',
};
const apis: Record<Mode, BenchApi> = {
  off: await startApi({}),
  on: await startApi(exporting),
  unsampled: await startApi({ ...exporting, OTEL_TRACES_SAMPLER: 'always_off' }),
};
const figures: Record<Mode, number[]> = { off: [], on: [], unsampled: [] };
const cpu: Record<Mode, number[]> = { off: [], on: [], unsampled: [] };
try {
  for (const mode of modes) await throughput(apis[mode], 1_000); // warm-up: JIT, connections, Redis scripts
  for (let round = 1; round <= rounds; round++) {
    // Rotate the order, so no mode always runs on the warmer (or busier) machine.
    const order = modes.map((_, i) => modes[(i + round) % modes.length]!);
    for (const mode of order) {
      const result = await throughput(apis[mode], jobs);
      figures[mode].push(result.perSecond);
      cpu[mode].push(result.cpuUsPerJob);
    }
    console.log(
      `round ${round}: ${modes.map((mode) => `${mode} ${figures[mode].at(-1)!.toFixed(0)}/s ${cpu[mode].at(-1)!.toFixed(0)} µs CPU/job`).join(', ')}`,
    );
  }
} finally {
  for (const mode of modes) await apis[mode].close();
  sink.close();
}
const ratio = (mode: Mode) => {
  const ratios = figures[mode].map((value, i) => value / figures.off[i]!);
  return `${median(ratios).toFixed(3)} (per round ${ratios.map((r) => r.toFixed(2)).join(', ')})`;
};
console.log(
  `\nPOST /v1/bench-noop, median jobs/s: off ${median(figures.off).toFixed(0)}, on ${median(figures.on).toFixed(0)}, on but unsampled ${median(figures.unsampled).toFixed(0)}`,
);
console.log(`on/off ${ratio('on')}; unsampled/off ${ratio('unsampled')}`);
const cpuOff = median(cpu.off);
console.log(
  `API CPU per job, median: off ${cpuOff.toFixed(0)} µs, on ${median(cpu.on).toFixed(0)} µs (+${(median(cpu.on) - cpuOff).toFixed(0)}), unsampled ${median(cpu.unsampled).toFixed(0)} µs (+${(median(cpu.unsampled) - cpuOff).toFixed(0)})`,
);
const expected = (1_000 + jobs * rounds) * 2;
console.log(`spans received by the collector stand-in: ${spansReceived} (2 per submission: ${expected} expected after the final flush)`);
process.exit(0);
